package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.mailer.Mail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every ticket email is written in its recipient's language, the one stored on their contact: subject, words, dates
 * in the event's time zone, amounts and price labels, and the order link opens the order page in that language. The
 * mails sent later (reminders, tickets after the admin's mark-paid, waiting-list offers) read the language then.
 */
@QuarkusTest
class TicketMailLanguageTest extends FrontdeskTest {

    private static final String EVENT = "amld-2026";
    private static final String NAME = "AMLD Intelligence Summit 2026";
    /** Five days (the invoice hold) before 10 February 2026, 09:00 in Lausanne: the order's due date. */
    private static final Instant FIVE_DAYS_BEFORE = Instant.parse("2026-02-05T08:00:00Z");

    @Inject
    OrderExpiry expiry;

    /** The 2026 summit: {@code capacity} seats at CHF 590, early-bird CHF 390 for the first {@code earlyQuota}. */
    private static void summit(int capacity, Integer earlyQuota) {
        admin().body(Map.of("slug", EVENT, "name", NAME, "startsOn", "2026-02-10", "endsOn", "2026-02-12",
                        "venue", "EPFL campus, Lausanne", "timezone", "Europe/Zurich"))
                .post("/api/admin/events").then().statusCode(201);
        Map<String, Object> early = new HashMap<>(Map.of("amount", 39000, "endsAt", "2026-02-09T23:00:00Z"));
        if (earlyQuota != null) {
            early.put("quota", earlyQuota);
        }
        admin().body(Map.of("code", "conference", "name", "Conference pass", "capacity", capacity,
                        "price", Map.of("amount", 59000, "currency", "CHF"), "earlyBird", early, "maxPerOrder", 10))
                .post("/api/admin/events/" + EVENT + "/ticket-types").then().statusCode(201);
    }

    @BeforeEach
    void onSale() {
        summit(100, null);
    }

    /** A person known before, whose last stated language is {@code language}. */
    private void knownContact(String email, String language) {
        database.execute("insert into contact (email, name, language, created_at, updated_at) values ('" + email
                + "', null, '" + language + "', now(), now())");
    }

    private void speaks(String email, String language) {
        assertThat(database.execute("update contact set language = '" + language + "' where email = '" + email + "'"))
                .isEqualTo(1);
    }

    /** An invoice order; the buyer attends, and each further address in {@code others} too. */
    private static String placeOrder(String buyer, String buyerName, String... others) {
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(Map.of("type", "conference", "attendee", Map.of("name", buyerName, "email", buyer)));
        for (String other : others) {
            lines.add(Map.of("type", "conference", "attendee", Map.of("name", "Guest", "email", other)));
        }
        return given().contentType(ContentType.JSON)
                .body(Map.of("buyer", Map.of("email", buyer, "name", buyerName), "tickets", lines, "consent", true))
                .post("/api/events/" + EVENT + "/orders").then().statusCode(201).extract().path("id");
    }

    private Mail onlyMail(String address) {
        List<Mail> mails = deliverTo(address);
        assertThat(mails).as("mails to %s", address).extracting(Mail::getSubject).hasSize(1);
        return mails.get(0);
    }

    @Test
    void aFrenchBuyerGetsThePaymentDetailsInFrenchWithTheDueDateInTheEventsZone() {
        knownContact("marie@example.org", "fr");
        clock.set(FIVE_DAYS_BEFORE);
        String id = placeOrder("marie@example.org", "Marie Dubois");

        Mail mail = onlyMail("marie@example.org");
        assertThat(mail.getSubject()).isEqualTo("Votre commande pour " + NAME + " : informations de paiement");
        for (String body : List.of(mail.getText(), mail.getHtml())) {
            assertThat(body).contains("Bonjour Marie Dubois,", "Merci pour votre commande pour " + NAME,
                    "réservées jusqu’au 10 février 2026, 09:00 CET", "390,00 CHF", "tarif anticipé",
                    "Titulaire du compte :", "CH93 0076 2011 6238 5295 7", "Voir ou annuler votre commande")
                    .doesNotContain("Hello", "CHF 390.00", "early-bird", "February");
        }
        assertThat(mail.getText()).contains("/orders/" + id + "?token=").containsPattern("token=[A-Za-z0-9_-]+&lang=fr");
        assertThat(mail.getHtml()).contains("<html lang=\"fr\">").containsPattern("token=[A-Za-z0-9_-]+&amp;lang=fr");
    }

    @Test
    void anEnglishBuyerStillReadsTheEnglishWording() {
        clock.set(FIVE_DAYS_BEFORE);
        String id = placeOrder("ada@example.org", "Ada");

        Mail mail = onlyMail("ada@example.org");
        assertThat(mail.getSubject()).isEqualTo("Your order for " + NAME + ": payment details");
        assertThat(mail.getText()).startsWith("Hello Ada,\n\nThank you for your order for " + NAME
                        + ". Your seats are held until 10 February 2026, 09:00 CET.\n")
                .contains("- Ada: Conference pass (early-bird) CHF 390.00\n", "Total: CHF 390.00",
                        "Reference: FD-", "(please quote it, so we can match your payment)",
                        "See or cancel your order: http")
                .contains("/orders/" + id + "?token=").containsPattern("token=[A-Za-z0-9_-]+&lang=en");
        assertThat(mail.getHtml()).contains("<html lang=\"en\">");
    }

    @Test
    void aGermanBuyersTicketsAfterMarkPaidAreGermanAndAnotherAttendeeReadsTheirOwnLanguage() {
        knownContact("hans@example.org", "de");
        knownContact("guest@example.org", "en");
        String id = placeOrder("hans@example.org", "Hans Muster", "guest@example.org", "new-guest@example.org");
        deliverTo("hans@example.org");
        mailbox.clear();

        admin().body(Map.of()).post("/api/admin/orders/" + id + "/mark-paid").then().statusCode(200);

        List<Mail> mails = deliverTo("hans@example.org");
        assertThat(mails).extracting(Mail::getSubject)
                .containsExactlyInAnyOrder("Ihre Tickets für " + NAME, "Ihr Ticket für " + NAME);
        Mail confirmed = mails.stream().filter(m -> m.getSubject().startsWith("Ihre Tickets")).findFirst().orElseThrow();
        assertThat(confirmed.getText()).startsWith("Guten Tag Hans Muster,")
                .contains("Ihre Bestellung für " + NAME + " (10.–12. Februar 2026, EPFL campus, Lausanne) ist bestätigt.",
                        "- Hans Muster: Conference pass (Frühbucherpreis) CHF 390.00, Ticketcode: ",
                        "Total: CHF 1’170.00")
                .containsPattern("token=[A-Za-z0-9_-]+&lang=de");
        Mail ticket = mails.stream().filter(m -> m.getSubject().startsWith("Ihr Ticket")).findFirst().orElseThrow();
        for (String body : List.of(ticket.getText(), ticket.getHtml())) {
            assertThat(body).contains("Hier ist Ihr Ticket für " + NAME + ", 10.–12. Februar 2026, EPFL campus, Lausanne.",
                    "Ticketcode:").doesNotContain("Hello", "February");
        }
        assertThat(ticket.getHtml()).contains("alt=\"QR-Code des Tickets\"");

        // A known guest reads their own language (English here), whoever ordered for them.
        Mail guestTicket = onlyMail("guest@example.org");
        assertThat(guestTicket.getSubject()).isEqualTo("Your ticket for " + NAME);
        assertThat(guestTicket.getText()).contains("Here is your ticket for " + NAME + ", 10–12 February 2026");
        // A guest new to Frontdesk never stated a language: they get the buyer's, the best guess there is.
        Mail newGuestTicket = onlyMail("new-guest@example.org");
        assertThat(newGuestTicket.getSubject()).isEqualTo("Ihr Ticket für " + NAME);
        assertThat(database.single("select language from contact where email = 'new-guest@example.org'"))
                .isEqualTo("de");
    }

    @Test
    void theSchedulersReminderIsInTheLanguageTheBuyerStatedLast() {
        String id = placeOrder("lea@example.org", "Léa");
        assertThat(onlyMail("lea@example.org").getSubject()).startsWith("Your order for");
        mailbox.clear();
        // Léa switches to French in another form after ordering; the reminder, sent days later, follows.
        speaks("lea@example.org", "fr");

        clock.advance(Duration.ofDays(3));
        assertThat(expiry.remindDue()).isEqualTo(1);

        Mail reminder = onlyMail("lea@example.org");
        // 15 January 2026, 09:00 UTC plus the five days' hold, in Lausanne.
        assertThat(reminder.getSubject())
                .isEqualTo("Rappel : vos places pour " + NAME + " sont réservées jusqu’au 20 janvier 2026, 10:00 CET");
        for (String body : List.of(reminder.getText(), reminder.getHtml())) {
            assertThat(body).contains("Bonjour Léa,", "Nous n’avons pas encore reçu le paiement", "390,00 CHF",
                    "20 janvier 2026, 10:00 CET").doesNotContain("Hello", "CHF 390.00");
        }
        assertThat(reminder.getText()).containsPattern("/orders/" + id + "\\?token=[A-Za-z0-9_-]+&lang=fr");

        // And the expiry when the hold lapses, too.
        mailbox.clear();
        clock.advance(Duration.ofDays(2));
        assertThat(expiry.expireDue()).isEqualTo(1);
        assertThat(onlyMail("lea@example.org").getSubject()).isEqualTo("Votre commande pour " + NAME + " a expiré");
    }

    @Test
    void priceLabelsAndAmountsAreWordedAndPunctuatedPerLanguage() {
        database.clear();
        summit(100, 1);
        knownContact("fr@example.org", "fr");
        knownContact("de@example.org", "de");
        // One early-bird seat is left: the first order takes it and pays CHF 390 + 590 + 590 = CHF 1570.
        placeOrder("fr@example.org", "Fr", "x1@example.org", "x2@example.org");
        placeOrder("de@example.org", "De", "y1@example.org");
        placeOrder("en@example.org", "En");

        assertThat(onlyMail("fr@example.org").getText()).contains("- Fr\u00a0: Conference pass (tarif anticipé) 390,00 CHF",
                "- Guest\u00a0: Conference pass (tarif normal) 590,00 CHF", "Total\u00a0: 1\u202f570,00 CHF",
                "Montant : 1\u202f570,00 CHF");
        assertThat(onlyMail("de@example.org").getText()).contains("- De: Conference pass (Normalpreis) CHF 590.00",
                "Total: CHF 1’180.00", "Betrag: CHF 1’180.00");
        assertThat(onlyMail("en@example.org").getText()).contains("- En: Conference pass (regular) CHF 590.00",
                "Total: CHF 590.00");
    }

    @Test
    void theWaitingListWritesInThePersonsLanguageFromTheConfirmationToTheOffer() {
        database.clear();
        summit(1, null);
        String sold = placeOrder("first@example.org", "First");
        knownContact("anna@example.org", "de");
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "anna@example.org", "name", "Anna", "type", "conference", "quantity", 1))
                .post("/api/events/" + EVENT + "/waitlist").then().statusCode(202);

        Mail confirmation = onlyMail("anna@example.org");
        assertThat(confirmation.getSubject()).isEqualTo("Bestätigen Sie Ihren Platz auf der Warteliste für " + NAME);
        assertThat(confirmation.getText()).contains("Guten Tag Anna,",
                "auf 1 Platz der Kategorie Conference pass für " + NAME + " warten möchten",
                "Der Link ist 2 Tage gültig.").containsPattern("/waitlist/confirm\\?token=[A-Za-z0-9_-]+&lang=de");
        given().contentType(ContentType.JSON)
                .body(Map.of("token", tokenIn(confirmation.getText(), "/waitlist/confirm")))
                .post("/api/waitlist/confirm").then().statusCode(200);
        mailbox.clear();

        admin().body(Map.of()).post("/api/admin/orders/" + sold + "/cancel").then().statusCode(200);

        Mail offer = onlyMail("anna@example.org");
        assertThat(offer.getSubject()).isEqualTo("Plätze frei für " + NAME);
        // Offered at 15 January 2026, 09:00 UTC for 48 hours, in Lausanne and in German.
        assertThat(offer.getText()).contains("Gute Nachricht: 1 Platz der Kategorie Conference pass für " + NAME
                        + " ist frei, und wir halten ihn bis 17. Januar 2026, 10:00 MEZ für Sie bereit.", "Angebotscode: ")
                .containsPattern("/events/" + EVENT + "\\?offer=[A-Za-z0-9_-]+&lang=de");
    }

    @Test
    void aTypedNameIsEscapedOnceInTheHtmlOfATranslatedMail() {
        knownContact("obrien@example.org", "fr");
        placeOrder("obrien@example.org", "Ann <O'Brien> & Co");

        Mail mail = onlyMail("obrien@example.org");
        assertThat(mail.getText()).startsWith("Bonjour Ann <O'Brien> & Co,");
        assertThat(mail.getHtml()).contains("Bonjour Ann &lt;O&#39;Brien&gt; &amp; Co,")
                .doesNotContain("<O'Brien>").doesNotContain("&amp;lt;");
    }
}

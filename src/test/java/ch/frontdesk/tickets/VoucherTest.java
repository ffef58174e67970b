package ch.frontdesk.tickets;

import static ch.frontdesk.tickets.TicketFixtures.EVENT;
import static ch.frontdesk.tickets.TicketFixtures.admin;
import static ch.frontdesk.tickets.TicketFixtures.createEvent;
import static ch.frontdesk.tickets.TicketFixtures.createType;
import static ch.frontdesk.tickets.TicketFixtures.order;
import static ch.frontdesk.tickets.TicketFixtures.place;
import static ch.frontdesk.tickets.TicketFixtures.seats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VoucherTest extends FrontdeskTest {

    @BeforeEach
    void summitOnSale() {
        createEvent();
        createType("conference", 100, null);
        createType("workshop", 100, null);
    }

    private static void voucher(String code, Map<String, Object> discount, int maxUses, List<String> types) {
        var body = new java.util.HashMap<String, Object>(Map.of("code", code, "event", EVENT, "discount", discount,
                "maxUses", maxUses));
        if (types != null) {
            body.put("types", types);
        }
        admin().body(body).post("/api/admin/vouchers").then().statusCode(201);
    }

    private static Map<String, Object> withVoucher(String code, String type, int tickets, String buyer) {
        var order = order(type, tickets, buyer);
        order.put("voucher", code);
        return order;
    }

    @Test
    void aSpeakerVoucherConfirmsTheOrderAtOnceAndSendsTheTicket() {
        voucher("SPEAKER-ADA", Map.of("percent", 100), 1, null);

        place(withVoucher("speaker-ada", "conference", 1, "ada@example.org")).then().statusCode(201)
                .body("status", equalTo("confirmed"))
                .body("total.amount", equalTo(0))
                .body("paymentMethod", equalTo("none"))
                .body("expiresAt", nullValue());

        assertThat(seats("conference")).containsEntry("sold", 1).containsEntry("held", 0);
        outboxSender.sendDue();
        assertThat(mailbox.getMailsSentTo("attendee0@example.org")).hasSize(1);
        place(withVoucher("SPEAKER-ADA", "conference", 1, "bob@example.org")).then().statusCode(409)
                .body("type", endsWith("voucher-used-up"));
    }

    @Test
    void aLeakedVoucherIsRetiredAndTakesNoNewOrderWhileItsOrdersKeepIt() {
        voucher("FRIENDS", Map.of("percent", 50), 10, null);
        String used = place(withVoucher("FRIENDS", "conference", 1, "ada@example.org")).then().statusCode(201)
                .body("total.amount", equalTo(15000)).extract().path("id");

        admin().body(Map.of("maxUses", 0)).put("/api/admin/vouchers/" + EVENT + "/friends").then().statusCode(400);
        admin().body(Map.of("maxUses", 10, "active", false)).put("/api/admin/vouchers/" + EVENT + "/friends")
                .then().statusCode(200).body("active", equalTo(false)).body("used", equalTo(1));
        place(withVoucher("FRIENDS", "conference", 1, "bob@example.org")).then().statusCode(400)
                .body("errors[0].field", equalTo("voucher"));

        // Deleting a voucher that an order used only retires it: the order keeps its price.
        admin().body(Map.of("maxUses", 10, "active", true)).put("/api/admin/vouchers/" + EVENT + "/friends")
                .then().statusCode(200).body("active", equalTo(true));
        admin().delete("/api/admin/vouchers/" + EVENT + "/FRIENDS").then().statusCode(204);
        assertThat(database.single("select active from voucher where code = 'FRIENDS'")).isEqualTo(false);
        assertThat(database.count("select total_amount from ticket_order where public_id = cast(?1 as uuid)", used))
                .isEqualTo(15000);
    }

    @Test
    void aVoucherCannotHaveFewerUsesThanTakenAndAnUnusedOneIsDeleted() {
        voucher("TWO", Map.of("amount", 1000), 5, null);
        place(withVoucher("TWO", "conference", 2, "ada@example.org")).then().statusCode(201);
        admin().body(Map.of("maxUses", 1)).put("/api/admin/vouchers/" + EVENT + "/two").then().statusCode(409);
        admin().body(Map.of("maxUses", 2)).put("/api/admin/vouchers/" + EVENT + "/two").then().statusCode(200)
                .body("maxUses", equalTo(2));

        voucher("SPARE", Map.of("amount", 1000), 5, null);
        admin().delete("/api/admin/vouchers/" + EVENT + "/spare").then().statusCode(204);
        assertThat(database.count("select count(*) from voucher where code = 'SPARE'")).isZero();
        admin().delete("/api/admin/vouchers/" + EVENT + "/spare").then().statusCode(404);
    }

    @Test
    void percentAndFixedDiscountsApplyPerTicketOfTheTypesTheyCover() {
        voucher("STUDENT", Map.of("percent", 50), 10, List.of("workshop"));
        voucher("FRIENDS", Map.of("amount", 5000), 10, null);

        place(withVoucher("STUDENT", "workshop", 2, "a@example.org")).then().statusCode(201)
                .body("total.amount", equalTo(30000));
        place(withVoucher("FRIENDS", "conference", 1, "b@example.org")).then().statusCode(201)
                .body("total.amount", equalTo(25000));
        place(withVoucher("STUDENT", "conference", 1, "c@example.org")).then().statusCode(400)
                .body("errors[0].field", equalTo("voucher"));
        place(withVoucher("NOPE", "conference", 1, "c@example.org")).then().statusCode(400)
                .body("errors[0].field", equalTo("voucher"));
        assertThat(database.count("select used from voucher where code = 'STUDENT'")).isEqualTo(2);
    }

    @Test
    void voucherUsesAreTakenAtomicallyUnderConcurrency() throws Exception {
        voucher("LIMITED", Map.of("percent", 20), 5, null);
        int buyers = 12;
        CyclicBarrier start = new CyclicBarrier(buyers);
        ExecutorService pool = Executors.newFixedThreadPool(buyers);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < buyers; i++) {
                int buyer = i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return place(withVoucher("LIMITED", "conference", 1, "b" + buyer + "@example.org")).statusCode();
                }));
            }
            int ok = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get();
                assertThat(code).isIn(201, 409);
                if (code == 201) {
                    ok++;
                }
            }
            assertThat(ok).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(database.count("select used from voucher")).isEqualTo(5);
        assertThat(database.count("select count(*) from ticket where voucher_used")).isEqualTo(5);
        assertThat(seats("conference")).containsEntry("held", 5);
    }

    @Test
    void aCancelledOrderGivesItsVoucherUsesBack() {
        voucher("ONCE", Map.of("percent", 10), 1, null);
        String id = place(withVoucher("ONCE", "conference", 1, "a@example.org")).then().statusCode(201)
                .extract().path("id");
        admin().post("/api/admin/orders/" + id + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        place(withVoucher("ONCE", "conference", 1, "b@example.org")).then().statusCode(201);
    }

    @Test
    void anInvalidOrderAnswersTheSameWhetherItsVoucherIsValidOrNot() {
        voucher("REAL-ONE", Map.of("percent", 50), 10, List.of("conference"));
        admin().body(TicketFixtures.typeBody("tiny", 1, 50000, null))
                .post("/api/admin/events/" + EVENT + "/ticket-types").then().statusCode(201);
        List<java.util.function.UnaryOperator<Map<String, Object>>> invalid = List.of(
                o -> with(o, "tickets", List.of(Map.of("type", "nope", "attendee", Map.of("name", "A", "email", "a@example.org")))),
                o -> with(o, "consent", false),
                o -> with(o, "buyer", Map.of("email", "not-an-address", "name", "B")),
                o -> with(o, "paymentMethod", "card"),
                o -> with(o, "tickets", order("tiny", 2, "x@example.org").get("tickets")));
        for (var spoil : invalid) {
            var withReal = spoil.apply(withVoucher("REAL-ONE", "conference", 1, "a@example.org"));
            var withGuess = spoil.apply(withVoucher("GUESSED-1", "conference", 1, "a@example.org"));
            var real = place(withReal);
            var guess = place(withGuess);
            assertThat(real.statusCode()).isBetween(400, 499).isEqualTo(guess.statusCode());
            assertThat(real.asString()).isEqualTo(guess.asString());
        }
        // A voucher that exists but not for these tickets is refused with the words of one that does not exist.
        var otherType = place(withVoucher("REAL-ONE", "workshop", 1, "a@example.org")).then().statusCode(400)
                .extract().asString();
        assertThat(place(withVoucher("GUESSED-1", "workshop", 1, "a@example.org")).asString()).isEqualTo(otherType);
        assertThat(database.count("select used from voucher")).isZero();
        assertThat(database.count("select count(*) from ticket_order")).isZero();
    }

    private static Map<String, Object> with(Map<String, Object> order, String key, Object value) {
        order.put(key, value);
        return order;
    }

    @Test
    void aVoucherWithoutACodeGetsOneThatCannotBeGuessedAndItWorks() {
        String code = admin().body(Map.of("event", EVENT, "discount", Map.of("percent", 100), "maxUses", 1))
                .post("/api/admin/vouchers").then().statusCode(201).extract().path("code");
        assertThat(code).hasSize(16).matches("[0-9A-HJKMNP-TV-Z]{16}");
        String another = admin().body(Map.of("event", EVENT, "discount", Map.of("percent", 100), "maxUses", 1))
                .post("/api/admin/vouchers").then().statusCode(201).extract().path("code");
        assertThat(another).isNotEqualTo(code);

        place(withVoucher(code.toLowerCase(java.util.Locale.ROOT), "conference", 1, "ada@example.org"))
                .then().statusCode(201).body("total.amount", equalTo(0));
    }

    @Test
    void aVoucherNeedsExactlyOneKindOfDiscount() {
        admin().body(Map.of("code", "BOTH", "event", EVENT, "discount", Map.of("percent", 10, "amount", 100), "maxUses", 1))
                .post("/api/admin/vouchers").then().statusCode(400);
        admin().body(Map.of("code", "X", "event", "nope", "discount", Map.of("percent", 10), "maxUses", 1))
                .post("/api/admin/vouchers").then().statusCode(400).body("errors[0].field", equalTo("event"));
    }
}

package ch.frontdesk.contact;

import static ch.frontdesk.common.SqlValues.instant;

import ch.frontdesk.common.Money;
import ch.frontdesk.contact.ContactExport.AttendeeTicket;
import ch.frontdesk.contact.ContactExport.AuditRecord;
import ch.frontdesk.contact.ContactExport.Consent;
import ch.frontdesk.contact.ContactExport.Email;
import ch.frontdesk.contact.ContactExport.OrderRecord;
import ch.frontdesk.contact.ContactExport.OrderTicket;
import ch.frontdesk.contact.ContactExport.Payment;
import ch.frontdesk.contact.ContactExport.Person;
import ch.frontdesk.contact.ContactExport.PledgeRecord;
import ch.frontdesk.contact.ContactExport.QueuedSignup;
import ch.frontdesk.contact.ContactExport.Subscription;
import ch.frontdesk.contact.ContactExport.WaitlistRecord;
import ch.frontdesk.mail.SecretRedaction;
import ch.frontdesk.mail.Suppressions;
import ch.frontdesk.payment.PaymentGateway;
import ch.frontdesk.queue.WorkQueue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * GDPR export and erasure of one person. The other features' tables are read and changed with SQL, so that the
 * contact package does not depend on every feature's entities.
 *
 * <p>Erasure keeps what the law requires (orders, tickets, pledges and payments, with their amounts, dates and
 * references, and the fact and time of each consent) and keeps nothing that names, reaches or locates the person.
 * The address stays on the suppression list, as a hash, so no mail reaches it until its owner opts in anew.
 */
@ApplicationScoped
public class ContactPrivacy {

    private static final Logger LOG = Logger.getLogger(ContactPrivacy.class);

    /** What erased names become: every name column is NOT NULL, and "erased" is honest about why. */
    static final String ERASED = "erased";

    private final EntityManager em;
    private final Suppressions suppressions;
    private final PaymentGateway gateway;
    private final Clock clock;
    private final List<WorkQueue> queues;
    private final ObjectMapper json;

    ContactPrivacy(EntityManager em, Suppressions suppressions, PaymentGateway gateway, Clock clock,
            @All List<WorkQueue> queues, ObjectMapper json) {
        this.queues = List.copyOf(queues);
        this.json = json;
        this.em = em;
        this.suppressions = suppressions;
        this.gateway = gateway;
        this.clock = clock;
    }

    // --- export ---

    /** Everything held about the address (trimmed, case ignored by the database's lower()); empty if unknown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ContactExport> export(String email) {
        String address = ContactService.normalize(email);
        List<Object[]> found = rows("""
                select id, email, name, created_at, updated_at, erased_at from contact where email_key = lower(?1)""",
                address);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] c = found.get(0);
        long id = number(c[0]);
        Person person = new Person(id, (String) c[1], (String) c[2], instant(c[3]), instant(c[4]), instant(c[5]));
        return Optional.of(new ContactExport(person, consents(id), subscription(id), queuedSignups(person.email()),
                pledges(id), orders(id), ticketsAsAttendee(id), waitingLists(id), emails(id, person.email()),
                audit(id)));
    }

    private List<Consent> consents(long id) {
        return rows("""
                select purpose, wording_version, wording, source, client_address, user_agent, given_at, confirmed_at
                from consent_record where contact_id = ?1 order by id""", id).stream()
                .map(r -> new Consent((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], instant(r[6]), instant(r[7])))
                .toList();
    }

    private Subscription subscription(long id) {
        return rows("""
                select status, created_at, confirmed_at, unsubscribed_at
                from newsletter_subscription where contact_id = ?1""", id).stream()
                .map(r -> new Subscription((String) r[0], instant(r[1]), instant(r[2]), instant(r[3])))
                .findFirst().orElse(null);
    }

    private List<QueuedSignup> queuedSignups(String email) {
        return rows("""
                select email, name, source, client_address, user_agent, received_at
                from newsletter_signup where lower(btrim(email)) = lower(?1) order by id""", email).stream()
                .map(r -> new QueuedSignup((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        instant(r[5])))
                .toList();
    }

    private List<PledgeRecord> pledges(long id) {
        Map<Long, List<Payment>> payments = rows("""
                select pledge_id, amount, currency, method, paid_at, period_end from pledge_payment
                where pledge_id in (select id from pledge where contact_id = ?1) order by id""", id).stream()
                .collect(Collectors.groupingBy(r -> number(r[0]), Collectors.mapping(
                        r -> new Payment(Money.of(number(r[1]), (String) r[2]), (String) r[3], instant(r[4]),
                                instant(r[5])),
                        Collectors.toList())));
        return rows("""
                select p.id, p.public_id, t.code, p.status, p.payment_method, p.amount, p.currency,
                       p.billing_interval, p.payment_reference, p.current_period_end, p.cancel_at_period_end,
                       p.created_at, p.cancelled_at
                from pledge p join support_tier t on t.id = p.tier_id
                where p.contact_id = ?1 order by p.id""", id).stream()
                .map(r -> new PledgeRecord((UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                        Money.of(number(r[5]), (String) r[6]), (String) r[7], (String) r[8], instant(r[9]),
                        (Boolean) r[10], instant(r[11]), instant(r[12]),
                        payments.getOrDefault(number(r[0]), List.of())))
                .toList();
    }

    private List<OrderRecord> orders(long id) {
        Map<Long, List<OrderTicket>> tickets = rows("""
                select t.order_id, tt.code, t.attendee_name, t.price_amount, o.currency, t.price_label, t.checked_in_at
                from ticket t join ticket_order o on o.id = t.order_id join ticket_type tt on tt.id = t.ticket_type_id
                where o.buyer_id = ?1 order by t.id""", id).stream()
                .collect(Collectors.groupingBy(r -> number(r[0]), Collectors.mapping(
                        r -> new OrderTicket((String) r[1], (String) r[2], Money.of(number(r[3]), (String) r[4]),
                                (String) r[5], instant(r[6])),
                        Collectors.toList())));
        return rows("""
                select o.id, o.public_id, e.slug, o.buyer_name, o.status, o.payment_method, o.total_amount, o.currency,
                       o.payment_reference, o.created_at, o.confirmed_at, o.cancelled_at, o.refunded_at
                from ticket_order o join event e on e.id = o.event_id
                where o.buyer_id = ?1 order by o.id""", id).stream()
                .map(r -> new OrderRecord((UUID) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                        Money.of(number(r[6]), (String) r[7]), (String) r[8], instant(r[9]), instant(r[10]),
                        instant(r[11]), instant(r[12]), tickets.getOrDefault(number(r[0]), List.of())))
                .toList();
    }

    private List<AttendeeTicket> ticketsAsAttendee(long id) {
        return rows("""
                select o.public_id, e.slug, tt.code, t.attendee_name, o.status, t.created_at, t.checked_in_at
                from ticket t join ticket_order o on o.id = t.order_id join event e on e.id = o.event_id
                     join ticket_type tt on tt.id = t.ticket_type_id
                where t.attendee_id = ?1 order by t.id""", id).stream()
                .map(r -> new AttendeeTicket((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        instant(r[5]), instant(r[6])))
                .toList();
    }

    private List<WaitlistRecord> waitingLists(long id) {
        return rows("""
                select e.slug, tt.code, w.name, w.quantity, w.status, w.offer_expires_at, w.created_at
                from waitlist_entry w join ticket_type tt on tt.id = w.ticket_type_id join event e on e.id = tt.event_id
                where w.contact_id = ?1 order by w.id""", id).stream()
                .map(r -> new WaitlistRecord((String) r[0], (String) r[1], (String) r[2], (int) number(r[3]),
                        (String) r[4], instant(r[5]), instant(r[6])))
                .toList();
    }

    private List<Email> emails(long id, String email) {
        // Ticket codes open the door at the event: shown nowhere in the export, not even in the mails that carried them.
        List<String> ticketCodes = rows("""
                select t.code from ticket t join ticket_order o on o.id = t.order_id
                where t.code is not null and (t.attendee_id = ?1 or o.buyer_id = ?1)""", id).stream()
                .map(r -> (String) r[0]).toList();
        return rows("""
                select id, kind, recipient, subject, status, created_at, sent_at, text_body, html_body
                from outbox_message where contact_id = ?1 or lower(recipient) = lower(?2) order by id""", id, email)
                .stream()
                .map(r -> new Email(number(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        instant(r[5]), instant(r[6]), withoutSecrets((String) r[7], (String) r[8], ticketCodes)))
                .toList();
    }

    private static String withoutSecrets(String text, String html, List<String> ticketCodes) {
        String result = SecretRedaction.of(text, html).apply(text);
        for (String code : ticketCodes) {
            result = result.replace(code, SecretRedaction.REDACTED);
        }
        return result;
    }

    private List<AuditRecord> audit(long id) {
        return rows("""
                select at, actor, action, target from audit_entry
                where target = 'contact:' || ?1
                   or target in (select 'order:' || public_id from ticket_order where buyer_id = ?1)
                   or target in (select 'pledge:' || public_id from pledge where contact_id = ?1)
                order by at, id""", id).stream()
                .map(r -> new AuditRecord(instant(r[0]), (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    // --- erasure ---

    /**
     * Erases the person behind the address; idempotent. Returns the id of the contact erased, empty when the
     * address is unknown (its queued sign-ups and mails are still deleted, and it is suppressed all the same).
     * Card subscriptions are cancelled at Stripe after the erasure has committed, never inside the transaction.
     */
    public Optional<Long> erase(String email) {
        String address = ContactService.normalize(email);
        Erasure erasure = QuarkusTransaction.requiringNew().call(() -> eraseNow(address));
        cancelCardSubscriptions(erasure.cardSubscriptions());
        erasure.stripeCustomer().ifPresent(this::deleteStripeCustomer);
        return erasure.contactId();
    }

    private record Erasure(Optional<Long> contactId, Map<String, String> cardSubscriptions,
            Optional<String> stripeCustomer) {
    }

    private Erasure eraseNow(String address) {
        Instant now = clock.instant();
        // Whatever is known, the address itself: queued sign-ups and mails to it go, and it stays suppressed.
        forgetQueueFailures("newsletter_signup", "lower(btrim(t.email)) = lower(?1)", address);
        forgetQueueFailures("outbox_message", "lower(t.recipient) = lower(?1)", address);
        update("delete from newsletter_signup where lower(btrim(email)) = lower(?1)", address);
        update("delete from outbox_message where lower(recipient) = lower(?1)", address);

        List<Object[]> found = rows("select id, email, name from contact where email_key = lower(?1) for update",
                address);
        if (found.isEmpty()) {
            suppressions.suppress(address);
            return new Erasure(Optional.empty(), Map.of(), Optional.empty());
        }
        long id = number(found.get(0)[0]);
        Set<String> personal = personalStrings(id, (String) found.get(0)[1], (String) found.get(0)[2]);

        forgetQueueFailures("outbox_message", "t.contact_id = ?1", id);
        forgetQueueFailures("pledge", "t.contact_id = ?1", id);
        forgetQueueErrorsNaming(personal);
        forgetMails(id, personal);
        forgetTokens(id);
        forgetIdempotentAnswers(id, (String) found.get(0)[1]);
        Map<String, String> cardSubscriptions = cancelPledges(id, now);

        update("delete from newsletter_subscription where contact_id = ?1", id);
        forgetWaitingLists(id, now);
        Optional<String> stripeCustomer = rows("select customer_id, contact_id from stripe_customer where contact_id = ?1", id)
                .stream().map(row -> (String) row[0]).findFirst();
        update("delete from stripe_customer where contact_id = ?1", id);
        update("update consent_record set client_address = null, user_agent = null where contact_id = ?1", id);
        update("update ticket_order set buyer_name = ?2, client_network = null, updated_at = ?3 where buyer_id = ?1", id, ERASED, now);
        update("update ticket set attendee_name = ?2 where attendee_id = ?1", id, ERASED);
        update("""
                update contact set email = 'erased-' || id || ?2, name = null, erased_at = coalesce(erased_at, ?3),
                                   updated_at = ?3
                where id = ?1""", id, Suppressions.ERASED_DOMAIN, now);
        // Last, after the subscription is gone: a confirmation running at the same moment locks the subscription
        // and then lifts the suppression, so taking them in the same order cannot deadlock.
        suppressions.suppress(address);
        return new Erasure(Optional.of(id), cardSubscriptions, stripeCustomer);
    }

    /** The address and every name the person went by, to be found in other people's mails about them. */
    private Set<String> personalStrings(long id, String email, String name) {
        Set<String> strings = new LinkedHashSet<>();
        strings.add(email);
        if (name != null) {
            strings.add(name);
        }
        for (String table : List.of(
                "select attendee_name from ticket where attendee_id = ?1",
                "select buyer_name from ticket_order where buyer_id = ?1",
                "select name from waitlist_entry where contact_id = ?1")) {
            for (Object[] row : rows(table, id)) {
                if (row[0] != null && !ERASED.equals(row[0])) {
                    strings.add((String) row[0]);
                }
            }
        }
        strings.removeIf(String::isBlank);
        return strings;
    }

    /**
     * A failed queue row keeps the error it failed with, and a database error may quote the row ("Failing row
     * contains (...)") with the address or name in it. The failures of the person's rows in {@code table} (the rows
     * matching {@code condition} on {@code t}) go with them: their sign-ups and mails are deleted, their pledges end.
     */
    private void forgetQueueFailures(String table, String condition, Object parameter) {
        List<String> names = queues.stream().filter(queue -> queue.table().equals(table)).map(WorkQueue::name).toList();
        if (names.isEmpty()) {
            return;
        }
        Object[] parameters = new Object[names.size() + 1];
        parameters[0] = parameter;
        for (int i = 0; i < names.size(); i++) {
            parameters[i + 1] = names.get(i);
        }
        int n = 2;
        StringBuilder placeholders = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            placeholders.append(i == 0 ? "" : ", ").append('?').append(n++);
        }
        update("delete from queue_failure f where f.queue in (" + placeholders + ") and f.item_id in (select t.id from "
                + table + " t where " + condition + ")", parameters);
    }

    /**
     * Rows of the person's that stay (orders, tickets) may have failed too, with their name in the error: the row
     * keeps its place in the queue (dead or backing off), the error text does not.
     */
    private void forgetQueueErrorsNaming(Set<String> personal) {
        for (String value : personal) {
            if (value.length() < 4) {
                continue; // a name of a letter or two would blank every error that happens to contain it
            }
            update("update queue_failure set last_error = ?2 where strpos(lower(last_error), lower(?1)) > 0",
                    value, "(error text erased with the person it named)");
        }
    }

    /**
     * Mails to the person go (attachments cascade). Mails to a buyer who ordered a ticket for this person list the
     * attendee's name: those keep their place in the buyer's outbox, with the name replaced.
     */
    private void forgetMails(long id, Set<String> personal) {
        update("delete from outbox_message where contact_id = ?1", id);
        String othersAboutThem = """
                contact_id in (select o.buyer_id from ticket_order o join ticket t on t.order_id = o.id
                               where t.attendee_id = ?1 and o.buyer_id <> ?1)""";
        for (String value : personal) {
            if (value.length() < 4) {
                continue; // a name of a letter or two would blank every error that happens to contain it
            }
            update("update outbox_message set subject = replace(subject, ?2, ?4), text_body = replace(text_body, ?2, ?4),"
                    + " html_body = replace(replace(html_body, ?2, ?4), ?3, ?4) where " + othersAboutThem,
                    id, value, htmlEscape(value), ERASED);
        }
        forgetInUnrenderedAttachments(othersAboutThem, id, personal);
    }

    /**
     * A file such a mail attaches when it is sent (the buyer's invoice, listing the attendee) may still be a JSON spec
     * for its renderer: the name is replaced in its text values, as in the mail's bodies. A file already rendered
     * stays as it is, as its bytes always did.
     */
    private void forgetInUnrenderedAttachments(String othersAboutThem, long id, Set<String> personal) {
        List<String> values = personal.stream().filter(value -> value.length() >= 4).toList();
        List<Object[]> specs = rows("select id, cast(spec as text) from outbox_attachment where content is null"
                + " and spec is not null and message_id in (select id from outbox_message where " + othersAboutThem
                + ") for update", id);
        for (Object[] row : specs) {
            try {
                JsonNode spec = json.readTree((String) row[1]);
                if (replaceInText(spec, values)) {
                    update("update outbox_attachment set spec = cast(?2 as jsonb) where id = ?1", number(row[0]),
                            json.writeValueAsString(spec));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The database gave a spec that is not JSON", e);
            }
        }
    }

    /** Replaces the values by {@link #ERASED} in every text of the tree; whether it changed anything. */
    private static boolean replaceInText(JsonNode node, List<String> values) {
        boolean changed = false;
        if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                if (field.getValue().isTextual()) {
                    String erased = erased(field.getValue().textValue(), values);
                    if (!erased.equals(field.getValue().textValue())) {
                        field.setValue(TextNode.valueOf(erased));
                        changed = true;
                    }
                } else {
                    changed |= replaceInText(field.getValue(), values);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    String erased = erased(array.get(i).textValue(), values);
                    if (!erased.equals(array.get(i).textValue())) {
                        array.set(i, TextNode.valueOf(erased));
                        changed = true;
                    }
                } else {
                    changed |= replaceInText(array.get(i), values);
                }
            }
        }
        return changed;
    }

    private static String erased(String text, List<String> values) {
        for (String value : values) {
            text = text.replace(value, ERASED);
        }
        return text;
    }

    /**
     * Waiting-list entries go, with two exceptions that stay anonymised: an entry an order was placed from (the order
     * refers to it), and a current offer, which holds seats: its offer ends now, so the ticket job's next round
     * ({@code Waitlist.lapseDue}) gives the seats back and offers them to the next person in line.
     */
    private void forgetWaitingLists(long id, Instant now) {
        String ordered = "id in (select waitlist_entry_id from ticket_order where waitlist_entry_id is not null)";
        update("update waitlist_entry set name = ?2, updated_at = ?3 where contact_id = ?1 and " + ordered,
                id, ERASED, now);
        update("""
                update waitlist_entry set name = ?2, offer_expires_at = least(offer_expires_at, ?3), updated_at = ?3
                where contact_id = ?1 and status = 'offered'
                and not""" + " (" + ordered + ")", id, ERASED, now);
        update("delete from waitlist_entry where contact_id = ?1 and status <> 'offered' and not (" + ordered + ")", id);
    }

    /** Links in mails already sent stop working: tokens of the subscription, the orders, pledges and offers. */
    private void forgetTokens(long id) {
        // An order's link token lives on the order (one per order, see V11): a new random one replaces it.
        update("""
                update ticket_order set access_token = replace(gen_random_uuid()::text, '-', '')
                                                       || replace(gen_random_uuid()::text, '-', '')
                where buyer_id = ?1""", id);
        update("""
                delete from access_token where
                   (purpose in ('newsletter_confirm', 'newsletter_unsubscribe')
                    and subject_id in (select id from newsletter_subscription where contact_id = ?1))
                or (purpose = 'order_access' and subject_id in (select id from ticket_order where buyer_id = ?1))
                or (purpose = 'pledge_cancel' and subject_id in (select id from pledge where contact_id = ?1))
                or (purpose in ('waitlist_offer', 'waitlist_confirm')
                    and subject_id in (select id from waitlist_entry where contact_id = ?1))""",
                id);
    }

    /**
     * Stored answers to retried requests may hold the person's orders and pledges (with names and addresses);
     * they would only serve a retry of the same request within a day, so they go.
     */
    private void forgetIdempotentAnswers(long id, String email) {
        update("""
                delete from idempotency_record where response_body is not null and (
                    strpos(lower(response_body), lower(?2)) > 0
                    or exists (select 1 from ticket_order o where o.buyer_id = ?1
                               and strpos(response_body, cast(o.public_id as text)) > 0)
                    or exists (select 1 from pledge p where p.contact_id = ?1
                               and strpos(response_body, cast(p.public_id as text)) > 0))""", id, email);
    }

    /**
     * Pledges that would still bill the person end now: there is nobody left to send an invoice to. Returns the
     * card subscriptions to cancel at Stripe once committed, by pledge id.
     */
    private Map<String, String> cancelPledges(long id, Instant now) {
        Map<String, String> subscriptions = new java.util.LinkedHashMap<>();
        for (Object[] row : rows("""
                select public_id, stripe_subscription_id from pledge
                where contact_id = ?1 and status in ('pending_payment', 'active', 'past_due')
                and stripe_subscription_id is not null""", id)) {
            subscriptions.put(row[0].toString(), (String) row[1]);
        }
        update("""
                update pledge set status = 'cancelled', cancelled_at = ?2, updated_at = ?2, payment_due_at = null,
                                  checkout_url = null
                where contact_id = ?1 and status in ('pending_payment', 'active', 'past_due')""", id, now);
        return subscriptions;
    }

    private void cancelCardSubscriptions(Map<String, String> subscriptions) {
        subscriptions.forEach((pledge, subscription) -> {
            try {
                gateway.cancelNow(subscription, "frontdesk-erase-" + pledge);
            } catch (RuntimeException e) {
                // The erasure stands; the admin must end this subscription in the Stripe dashboard.
                LOG.errorf("Erased pledge %s: cancelling its Stripe subscription failed, cancel it by hand: %s",
                        pledge, e.getMessage());
            }
        });
    }

    /** Stripe keeps the name and address it was given at checkout: the customer goes too, once committed. */
    private void deleteStripeCustomer(String customerId) {
        try {
            gateway.deleteCustomer(customerId);
        } catch (RuntimeException e) {
            LOG.errorf("Erased a contact: deleting Stripe customer %s failed, delete it by hand: %s", customerId,
                    e.getMessage());
        }
    }

    // --- SQL helpers ---

    private List<Object[]> rows(String sql, Object... parameters) {
        @SuppressWarnings("unchecked")
        List<Object> result = bind(em.createNativeQuery(sql), parameters).getResultList();
        List<Object[]> rows = new ArrayList<>(result.size());
        for (Object row : result) {
            rows.add(row instanceof Object[] columns ? columns : new Object[] {row});
        }
        return rows;
    }

    private int update(String sql, Object... parameters) {
        return bind(em.createNativeQuery(sql), parameters).executeUpdate();
    }

    private static Query bind(Query query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** As Qute escapes a value in an HTML template. */
    private static String htmlEscape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}

package ch.frontdesk.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.packaged.Api.Answer;
import ch.frontdesk.packaged.Inbox.Mail;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two packaged instances on one PostgreSQL schema and one SMTP server, as two replicas behind a load balancer: what
 * one instance does, the other must not do again, and no limit may be doubled by being split over both. The steps
 * build on each other (the holds of the rush are the ones that expire later) and run in order; the last one counts
 * every mail the others caused. Both instances trust loopback as their reverse proxy, so each simulated buyer comes
 * from an address of its own, as in a real rush, and the production limits stay on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String SCHEMA = "frontdesk_it_two";
    private static final String EVENT = "summit-2099";
    private static final String ORDERS = "/api/events/" + EVENT + "/orders";
    private static final int CAPACITY = 40;
    private static final int BUYERS = 120;
    /**
     * Per client address. Low, so that the bucket refills only every 20 s: the requests of the rate-limit step are
     * answered long before, even on a busy machine. Every other step sends at most two orders from one address.
     */
    private static final int ORDERS_PER_MINUTE = 3;
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static final Predicate<Mail> ORDER_RECEIVED = mail -> mail.subject().startsWith("Your order for")
            && mail.subject().endsWith(": payment details");
    private static final Predicate<Mail> WAITLIST_CONFIRMATION =
            Inbox.subjectStarts("Confirm your place on the waiting list");
    private static final Predicate<Mail> ORDER_EXPIRED = mail -> mail.subject().endsWith("has expired");
    private static final Predicate<Mail> WAITLIST_OFFER = Inbox.subjectStarts("Seats are free for");
    private static final Predicate<Mail> PLEDGE_INSTRUCTIONS =
            Inbox.subjectStarts("Your support for Engineering Prompts: payment details");
    private static final Predicate<Mail> RECEIPT = Inbox.subjectStarts("Receipt:");
    private static final Predicate<Mail> RENEWAL_INVOICE =
            Inbox.subjectStarts("Renewing your support for Engineering Prompts");
    private static final Predicate<Mail> RENEWAL_REMINDER = Inbox.subjectStarts("Your yearly support renews on");

    private Inbox inbox;
    private ServiceProcess first;
    private ServiceProcess second;
    private List<Api> instances;
    private Api admin;
    private final DueNow due = new DueNow(SCHEMA);

    /** An order the rush placed: its id and its buyer. */
    private record Placed(String id, String buyer) {
    }

    private final List<Placed> rushOrders = new ArrayList<>();
    /** Mails the steps so far must have caused, counted up step by step and checked at the end. */
    private int expectedMails;

    @BeforeAll
    void startTwoInstancesAtOnceOnAnEmptySchema() {
        ServiceProcess.freshSchema(SCHEMA);
        inbox = Inbox.start();
        first = instance("two-a");
        second = instance("two-b");
        // Started together, as two replicas of a first deployment: both migrate and both look for the first admin.
        CompletableFuture.allOf(CompletableFuture.runAsync(first::start), CompletableFuture.runAsync(second::start))
                .join();
        System.out.printf("two instances ready after %d ms and %d ms%n", first.readyMillis(), second.readyMillis());
        instances = List.of(Api.of("a", first), Api.of("b", second));
        admin = instances.get(0).asOwner();

        expect(201, admin.post("/api/admin/events", Map.of("slug", EVENT, "name", "AMLD Intelligence Summit 2099",
                "startsOn", "2099-06-10", "endsOn", "2099-06-11", "venue", "EPFL campus, Lausanne",
                "timezone", "Europe/Zurich")));
        expect(201, admin.post("/api/admin/events/" + EVENT + "/ticket-types", Map.of("code", "conference",
                "name", "Conference pass", "capacity", CAPACITY, "price", chf(10000))));
        expect(201, admin.post("/api/admin/events/" + EVENT + "/ticket-types", Map.of("code", "workshop",
                "name", "Workshop day", "capacity", 100, "price", chf(5000))));
        expect(201, admin.post("/api/admin/support/tiers", Map.of("code", "monthly", "name", "Reader",
                "price", chf(500), "interval", "month")));
        expect(201, admin.post("/api/admin/support/tiers", Map.of("code", "yearly", "name", "Patron",
                "price", chf(10000), "interval", "year")));
    }

    private ServiceProcess instance(String name) {
        return ServiceProcess.on(SCHEMA, inbox.port()).named(name)
                .with("FRONTDESK_OUTBOX_EVERY", "1s")
                .with("FRONTDESK_TICKETS_JOBS_EVERY", "1s")
                .with("FRONTDESK_SUPPORT_JOBS_EVERY", "1s")
                .with("FRONTDESK_TICKETS_ORDERS_PER_MINUTE", Integer.toString(ORDERS_PER_MINUTE))
                .with("FRONTDESK_HTTP_TRUSTED_PROXIES", "127.0.0.1")
                // Cheap hashes: the test polls admin endpoints, each request checks the password.
                .with("FRONTDESK_ADMIN_BCRYPT_COST", "4")
                // The rush queues 60 buyers per instance for 8 connections. On an idle machine they are served in
                // about a second; on a CI machine busy with other builds the wait can pass the pool's default 5 s,
                // and the answer is then a 5xx that says nothing about two instances sharing one database.
                .with("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "20s")
                .build();
    }

    @AfterAll
    void stopEverything() {
        Stream.of(first, second).filter(Objects::nonNull).forEach(ServiceProcess::stop);
        if (inbox != null) {
            inbox.close();
        }
    }

    @Test
    @Order(0)
    void bothInstancesStartedOnTheEmptySchemaAndTheFirstAdminWasCreatedOnce() {
        long created = Stream.of(first, second)
                .filter(service -> service.log().contains("Created the admin account 'owner'")).count();
        assertThat(created).as("instances that created the first admin").isEqualTo(1);
        for (Api instance : instances) {
            expect(200, instance.asOwner().get("/api/admin/outbox"));
        }
    }

    @Test
    @Order(1)
    void aRushSplitOverBothInstancesSellsExactlyTheCapacity() {
        List<CompletableFuture<Answer>> inFlight = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < BUYERS; i++) {
            inFlight.add(instances.get(i % 2).from(address(1, i))
                    .postAsync(ORDERS, order("conference", "rush-" + i + "@example.org"), Map.of()));
        }
        List<Answer> answers = inFlight.stream().map(CompletableFuture::join).toList();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        // The buyer of each order is known from the position of its answer; kept first, for the later steps.
        for (int i = 0; i < BUYERS; i++) {
            if (answers.get(i).status() == 201) {
                rushOrders.add(new Placed(answers.get(i).body().path("id").asText(), "rush-" + i + "@example.org"));
            }
        }
        List<Answer> sold = answers.stream().filter(a -> a.status() == 201).toList();
        List<Answer> soldOut = answers.stream().filter(TwoInstancesIT::soldOut).toList();
        System.out.printf("rush: %d buyers over two instances in %d ms: %d orders (a %d, b %d), %d sold out%n",
                BUYERS, millis, sold.size(), sold.stream().filter(a -> a.instance().equals("a")).count(),
                sold.stream().filter(a -> a.instance().equals("b")).count(), soldOut.size());
        assertThat(answers).as("answers neither an order nor sold-out")
                .filteredOn(a -> a.status() != 201 && !soldOut(a)).isEmpty();
        assertThat(sold).hasSize(CAPACITY);
        assertThat(soldOut).hasSize(BUYERS - CAPACITY);
        assertThat(rushOrders.stream().map(Placed::id).distinct()).hasSize(CAPACITY);
        expectedMails += CAPACITY;

        // The counters agree with the orders, as the admin and the shop see them.
        JsonNode conference = type("conference");
        assertThat(conference.path("held").asInt()).isEqualTo(CAPACITY);
        assertThat(conference.path("sold").asInt()).isZero();
        assertThat(total("/api/admin/orders?event=" + EVENT + "&status=pending_payment")).isEqualTo(CAPACITY);
        assertThat(total("/api/admin/tickets?event=" + EVENT + "&type=conference")).isEqualTo(CAPACITY);
        assertThat(available("conference")).isFalse();
        assertThat(sum("frontdesk_tickets_orders_placed_total")).isEqualTo(CAPACITY);
    }

    @Test
    @Order(2)
    void oneIdempotencyKeySentToBothInstancesAtOnceMakesOneOrder() {
        for (int round = 0; round < 3; round++) {
            String buyer = "again-" + round + "@example.org";
            Map<String, String> key = Map.of("Idempotency-Key", "two-instances-" + UUID.randomUUID());
            Object body = order("workshop", buyer);
            String client = address(2, round);
            List<Answer> answers = instances.stream()
                    .map(instance -> instance.from(client).postAsync(ORDERS, body, key))
                    .toList().stream().map(CompletableFuture::join).toList();

            assertThat(answers).as("each answer is the order or the key in use")
                    .allMatch(a -> a.status() == 201 || (a.status() == 409
                            && "idempotency-key-in-use".equals(a.problem())));
            Set<String> ids = answers.stream().filter(a -> a.status() == 201)
                    .map(a -> a.body().path("id").asText()).collect(Collectors.toSet());
            assertThat(ids).as("orders named in the answers").hasSize(1);
            JsonNode orders = admin.get("/api/admin/contacts/" + buyer).body().path("orders");
            assertThat(orders).as("orders stored for " + buyer).hasSize(1);
            assertThat(orders.get(0).toString()).contains(ids.iterator().next());
            System.out.printf("idempotency round %d: %s%n", round,
                    answers.stream().map(a -> a.instance() + " " + a.status()).toList());
        }
        expectedMails += 3;
    }

    @Test
    @Order(3)
    void aRateLimitSplitOverBothInstancesRefusesExactlyTheRequestsOverIt() {
        int extra = 4;
        long began = System.nanoTime();
        List<CompletableFuture<Answer>> inFlight = new ArrayList<>();
        for (int i = 0; i < ORDERS_PER_MINUTE + extra; i++) {
            inFlight.add(instances.get(i % 2).from("10.3.0.1")
                    .postAsync(ORDERS, order("workshop", "limited-" + i + "@example.org"), Map.of()));
        }
        List<Answer> answers = inFlight.stream().map(CompletableFuture::join).toList();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        assertThat(answers.stream().filter(a -> a.status() == 429).toList()).hasSize(extra)
                .allMatch(a -> a.headers().firstValue("Retry-After").isPresent());
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(ORDERS_PER_MINUTE);
        System.out.printf("rate limit %d a minute, %d requests answered in %d ms: %s%n", ORDERS_PER_MINUTE,
                answers.size(), millis, answers.stream().map(a -> a.instance() + " " + a.status()).toList());
        expectedMails += ORDERS_PER_MINUTE;
    }

    @Test
    @Order(4)
    void expiredHoldsGiveTheirSeatsBackOnceAndEachIsOfferedOnceToTheConfirmedWaitingList() {
        int waiting = 10;
        List<String> waiters = IntStream.range(0, waiting).mapToObj(i -> "waiting-" + i + "@example.org").toList();
        for (int i = 0; i < waiting; i++) {
            expect(202, instances.get(i % 2).from(address(4, i)).post("/api/events/" + EVENT + "/waitlist",
                    Map.of("email", waiters.get(i), "name", "Waiting " + i, "type", "conference")));
        }
        List<Mail> confirmations = inbox.await(WAITLIST_CONFIRMATION, waiting, WITHIN);
        expectedMails += waiting;
        // The first and the last in line never confirm: they are skipped, whoever offers.
        List<String> confirmed = waiters.subList(1, waiting - 1);
        for (int i = 0; i < confirmed.size(); i++) {
            String waiter = confirmed.get(i);
            Mail mail = confirmations.stream().filter(m -> m.to().equals(waiter)).findFirst().orElseThrow();
            expect(200, instances.get(i % 2).post("/api/waitlist/confirm",
                    Map.of("token", mail.token("/waitlist/confirm"))));
        }

        int lapsing = 10;
        List<Placed> lapsed = rushOrders.subList(0, lapsing);
        due.holdsEnded(lapsed.stream().map(Placed::id).toList());
        long began = System.nanoTime();
        Deadline.await(WITHIN, () -> total("/api/admin/orders?event=" + EVENT + "&status=expired") == lapsing,
                () -> total("/api/admin/orders?event=" + EVENT + "&status=expired") + " orders expired");
        List<Mail> offers = inbox.await(WAITLIST_OFFER, confirmed.size(), WITHIN);
        List<Mail> expiries = inbox.await(ORDER_EXPIRED, lapsing, WITHIN);
        System.out.printf("expiry: %d holds ended, expired within %d ms (a %.0f, b %.0f), %d offers%n", lapsing,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began),
                first.metric("frontdesk_tickets_orders_expired_total"),
                second.metric("frontdesk_tickets_orders_expired_total"), offers.size());
        expectedMails += lapsing + confirmed.size();

        assertThat(sum("frontdesk_tickets_orders_expired_total")).isEqualTo(lapsing);
        assertThat(expiries.stream().map(Mail::to))
                .containsExactlyInAnyOrderElementsOf(lapsed.stream().map(Placed::buyer).toList());
        assertThat(offers.stream().map(Mail::to)).containsExactlyInAnyOrderElementsOf(confirmed);
        for (String waiter : waiters) {
            JsonNode entries = admin.get("/api/admin/contacts/" + waiter).body().path("waitingLists");
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).path("status").asText()).as(waiter)
                    .isEqualTo(confirmed.contains(waiter) ? "offered" : "waiting");
        }
        // Seats: the lapsed ones came back once; the offers hold as many as were offered; two are free again.
        JsonNode conference = type("conference");
        assertThat(conference.path("held").asInt()).isEqualTo(CAPACITY - lapsing + confirmed.size());
        assertThat(conference.path("sold").asInt()).isZero();
        assertThat(total("/api/admin/orders?event=" + EVENT + "&status=pending_payment"))
                .isEqualTo(CAPACITY - lapsing + 3 + ORDERS_PER_MINUTE);
        assertThat(available("conference")).isTrue();
    }

    @Test
    @Order(5)
    void thePledgeCalendarDoesEachDueStepOnceOnTwoInstances() {
        List<String> monthly = new ArrayList<>();
        List<String> yearly = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String tier = i < 6 ? "monthly" : "yearly";
            Answer pledge = instances.get(i % 2).from(address(5, i)).post("/api/support/pledges",
                    Map.of("tier", tier, "email", "supporter-" + i + "@example.org", "name", "Supporter " + i,
                            "consent", true));
            expect(201, pledge);
            (i < 6 ? monthly : yearly).add(pledge.body().path("id").asText());
        }
        List<String> paid = new ArrayList<>(monthly.subList(0, 4));
        paid.addAll(yearly);
        for (int i = 0; i < paid.size(); i++) {
            expect(200, instances.get(i % 2).asOwner().post("/api/admin/pledges/" + paid.get(i) + "/mark-paid",
                    Map.of()));
        }
        expectedMails += 8 + paid.size();

        due.paidPeriodsEnded(monthly.subList(0, 4));
        due.firstInvoicesOverdue(monthly.subList(4, 6));
        due.renewIn(Duration.ofDays(1), yearly);
        long began = System.nanoTime();
        // The calendar's first round is 20 s after an instance starts: the deadline leaves room for it.
        Deadline.await(Duration.ofSeconds(40),
                () -> total("/api/admin/pledges?status=past_due") == 4 && total("/api/admin/pledges?status=expired") == 2,
                () -> total("/api/admin/pledges?status=past_due") + " past due, "
                        + total("/api/admin/pledges?status=expired") + " expired");
        List<Mail> renewals = inbox.await(RENEWAL_INVOICE, 4, WITHIN);
        List<Mail> reminders = inbox.await(RENEWAL_REMINDER, 2, WITHIN);
        System.out.printf("pledge calendar: done within %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        expectedMails += 4 + 2;

        assertThat(renewals.stream().map(Mail::to)).containsExactlyInAnyOrder("supporter-0@example.org",
                "supporter-1@example.org", "supporter-2@example.org", "supporter-3@example.org");
        assertThat(reminders.stream().map(Mail::to)).containsExactlyInAnyOrder("supporter-6@example.org",
                "supporter-7@example.org");
        assertThat(total("/api/admin/pledges?status=active")).isEqualTo(2);
        assertThat(total("/api/admin/pledges?status=pending_payment")).isZero();
    }

    @Test
    @Order(6)
    void everyMailWasSentExactlyOnceByTheTwoOutboxes() {
        Deadline.await(WITHIN, () -> total("/api/admin/outbox?status=pending") == 0
                        && total("/api/admin/outbox?status=sending") == 0 && inbox.all().size() >= expectedMails,
                () -> inbox.all().size() + " of " + expectedMails + " mails arrived");
        List<Mail> mails = inbox.all();
        double sentByA = first.metric("frontdesk_emails_sent_total");
        double sentByB = second.metric("frontdesk_emails_sent_total");
        System.out.printf("outbox: %d mails, %d Message-IDs; sent by a %.0f, by b %.0f%n", mails.size(),
                inbox.distinctMessageIds().size(), sentByA, sentByB);

        assertThat(mails).hasSize(expectedMails);
        assertThat(inbox.distinctMessageIds()).hasSize(expectedMails);
        assertThat(total("/api/admin/outbox?status=sent")).isEqualTo(expectedMails);
        assertThat(total("/api/admin/outbox?status=failed")).isZero();
        assertThat(sentByA + sentByB).isEqualTo(expectedMails);
        // Every kind went once to each person it was for.
        assertThat(inbox.perRecipient(ORDER_RECEIVED)).hasSize(CAPACITY + 3 + ORDERS_PER_MINUTE)
                .allSatisfy((to, count) -> assertThat(count).as(to).isEqualTo(1));
        for (Predicate<Mail> kind : List.of(WAITLIST_CONFIRMATION, ORDER_EXPIRED, WAITLIST_OFFER, PLEDGE_INSTRUCTIONS,
                RECEIPT, RENEWAL_INVOICE, RENEWAL_REMINDER)) {
            assertThat(inbox.perRecipient(kind).values()).allMatch(count -> count == 1);
        }
    }

    // --- helpers ---

    private static Map<String, Object> chf(long amount) {
        return Map.of("amount", amount, "currency", "CHF");
    }

    private static Map<String, Object> order(String type, String buyer) {
        String name = buyer.substring(0, buyer.indexOf('@'));
        return Map.of("buyer", Map.of("email", buyer, "name", name),
                "tickets", List.of(Map.of("type", type, "attendee", Map.of("name", name, "email", buyer))),
                "consent", true);
    }

    /** A client address of its own for each buyer of a step. */
    private static String address(int step, int buyer) {
        return "10." + step + "." + (buyer / 250) + "." + (buyer % 250 + 1);
    }

    private static boolean soldOut(Answer answer) {
        return answer.status() == 409 && "sold-out".equals(answer.problem());
    }

    private static void expect(int status, Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
    }

    /** The {@code total} of an admin list. */
    private long total(String list) {
        Answer answer = admin.get(list);
        expect(200, answer);
        return answer.body().path("total").asLong();
    }

    /** A ticket type with its seat counters, as the admin sees it. */
    private JsonNode type(String code) {
        return StreamSupport.stream(admin.get("/api/admin/events/" + EVENT).body().path("ticketTypes").spliterator(),
                false).filter(t -> t.path("code").asText().equals(code)).findFirst().orElseThrow();
    }

    /** Whether the shop offers the type, asked of the other instance than the admin's. */
    private boolean available(String code) {
        return StreamSupport.stream(instances.get(1).get("/api/events/" + EVENT).body().path("ticketTypes")
                        .spliterator(), false)
                .filter(t -> t.path("code").asText().equals(code)).findFirst().orElseThrow()
                .path("available").asBoolean();
    }

    /** A counter summed over both instances. */
    private double sum(String metric) {
        return first.metric(metric) + second.metric(metric);
    }
}

package ch.frontdesk.tickets;

import ch.frontdesk.common.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The only code that changes seat counters: the {@code held} and {@code sold} of each {@code seat_bucket}, and a
 * type's {@code early_taken}. A type's capacity is split over several buckets so that concurrent buyers of one type
 * take different rows instead of queueing on one; the schema's check constraints ({@code held + sold <= capacity}
 * per bucket, the early-bird quota per type) forbid an oversell whatever happens here.
 *
 * <p>Lock order, in every transaction: ticket types in id order, then a type's waiting-list entry, then seat
 * buckets in (type id, bucket) order. A waiting-list entry is only ever locked under its type's lock (but by the
 * lapse worker, see {@link Waitlist}), so no one waits for an entry while holding a bucket someone else needs.
 * A buyer's seats are taken last before commit, usually by one statement on one bucket that no one else holds.
 */
@ApplicationScoped
class SeatLedger {

    /** Takes {@code n} seats in any bucket of the type with room that no other transaction holds right now. */
    private static final String TAKE_UNLOCKED_BUCKET = """
            update seat_bucket set held = held + ?1
            where ticket_type_id = ?2 and bucket = (
                select bucket from seat_bucket where ticket_type_id = ?2 and held + sold + ?1 <= capacity
                order by bucket = ?3 desc, random() limit 1
                for no key update skip locked)
            returning bucket""";
    /** Every bucket with room is being written by someone: wait for one of them, and take it if still roomy. */
    private static final String TAKE_ANY_BUCKET = """
            update seat_bucket set held = held + ?1
            where ticket_type_id = ?2 and held + sold + ?1 <= capacity and bucket = (
                select bucket from seat_bucket where ticket_type_id = ?2 and held + sold + ?1 <= capacity
                order by bucket = ?3 desc, random() limit 1)
            returning bucket""";
    /**
     * Early-bird seats for one order, as many as are left up to {@code n}, in one statement: the type's row is
     * locked and re-read before the count is taken, so the quota is never exceeded and a buyer gets an early-bird
     * seat whenever one is left.
     */
    private static final String TAKE_EARLY_BIRD = """
            with want as (
                select id, least(?1, coalesce(early_quota - early_taken, ?1)) as seats from ticket_type
                where id = ?2 and (early_quota is null or early_taken < early_quota)
                for no key update)
            update ticket_type t set early_taken = t.early_taken + want.seats from want where t.id = want.id
            returning want.seats""";

    private final EntityManager em;
    private final TicketsConfig config;
    private final MeterRegistry metrics;

    SeatLedger(EntityManager em, TicketsConfig config, MeterRegistry metrics) {
        this.em = em;
        this.config = config;
        this.metrics = metrics;
    }

    /** Seats a buyer already holds on a type when the order is placed: a waiting-list offer's. */
    @FunctionalInterface
    interface SeatsAlreadyHeld {
        /** Called once the type is locked, so the caller can lock what it owns (type first, then entry). */
        void on(TicketType lockedType);
    }

    /** One bucket's row, as locked by {@link #lockBuckets}. */
    private record Bucket(short number, int capacity, int held, int sold) {
        int free() {
            return capacity - held - sold;
        }
    }

    // --- setting a type up ---

    /** The buckets of a type just created, its capacity split evenly over them. */
    @Transactional(Transactional.TxType.MANDATORY)
    void createBuckets(TicketType type) {
        int[] capacities = SeatSplit.even(type.capacity, SeatSplit.bucketCount(type.capacity, config.seatBuckets()));
        for (int i = 0; i < capacities.length; i++) {
            em.createNativeQuery("insert into seat_bucket (ticket_type_id, bucket, capacity) values (?1, ?2, ?3)")
                    .setParameter(1, type.id).setParameter(2, (short) i).setParameter(3, capacities[i])
                    .executeUpdate();
        }
    }

    /**
     * The admin changes a locked type's capacity: the free seats are spread again over as many buckets as the new
     * capacity gets, each bucket keeping the seats taken in it. Refused (400, field {@code capacity}) below the seats
     * already sold or held.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void changeCapacity(TicketType lockedType, int capacity) {
        List<Bucket> buckets = lockBuckets(lockedType.id);
        int highest = buckets.stream().mapToInt(Bucket::number).max().orElse(-1);
        int[] taken = new int[highest + 1];
        buckets.forEach(b -> taken[b.number()] = b.held() + b.sold());
        int total = buckets.stream().mapToInt(b -> b.held() + b.sold()).sum();
        if (capacity < total) {
            throw ProblemException.invalid("capacity",
                    "must be at least " + total + ", the seats already sold or held");
        }
        int count = SeatSplit.bucketCount(capacity, config.seatBuckets());
        int[] capacities = SeatSplit.redistribute(taken, capacity, count);
        Map<Short, Bucket> existing = new HashMap<>();
        buckets.forEach(b -> existing.put(b.number(), b));
        for (short i = 0; i < capacities.length; i++) {
            Bucket bucket = existing.get(i);
            if (bucket == null && (i < count || capacities[i] > 0)) {
                em.createNativeQuery("insert into seat_bucket (ticket_type_id, bucket, capacity) values (?1, ?2, ?3)")
                        .setParameter(1, lockedType.id).setParameter(2, i).setParameter(3, capacities[i])
                        .executeUpdate();
            } else if (bucket != null && i >= count && capacities[i] == 0) {
                // Nothing taken in it and no share of the free seats: a bucket fewer to look through.
                bucketUpdate("delete from seat_bucket where ticket_type_id = ?1 and bucket = ?2", lockedType.id, i);
            } else if (bucket != null && bucket.capacity() != capacities[i]) {
                em.createNativeQuery("update seat_bucket set capacity = ?3 where ticket_type_id = ?1 and bucket = ?2")
                        .setParameter(1, lockedType.id).setParameter(2, i).setParameter(3, capacities[i])
                        .executeUpdate();
            }
        }
    }

    // --- an order ---

    /**
     * Takes the early-bird seats of a new order, type by type in id order, and returns how many per type id. A type
     * whose window has ended, or whose quota the buyer's read already shows as used up, is skipped without a lock:
     * only while early-bird seats remain does an order touch its type's row (one atomic conditional update), which
     * then stays locked until commit. That is the one row all buyers of a type share, and only during the early-bird
     * rush; prices depend on it, so it comes before the order is written. The offer's type is locked in its turn,
     * so that {@code alreadyHeld} can lock the offer after it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<Long, Integer> takeEarlyBird(SortedMap<TicketType, Integer> wanted, Long offerTypeId,
            SeatsAlreadyHeld alreadyHeld, Instant now) {
        Map<Long, Integer> earlySeats = new TreeMap<>();
        for (var entry : wanted.entrySet()) {
            TicketType type = entry.getKey();
            if (type.id.equals(offerTypeId)) {
                alreadyHeld.on(lock(type));
            }
            int early = 0;
            if (type.earlySeatsLeft(now) > 0) {
                List<?> taken = em.createNativeQuery(TAKE_EARLY_BIRD)
                        .setParameter(1, entry.getValue()).setParameter(2, type.id).getResultList();
                early = taken.isEmpty() ? 0 : ((Number) taken.get(0)).intValue();
            }
            earlySeats.put(type.id, early);
        }
        return earlySeats;
    }

    /**
     * Before anything is written: answers 409 sold-out when a type has fewer free seats than wanted (as committed
     * now, without a lock), and picks for each type a bucket that has room, to write on the tickets. The seats are
     * only taken by {@link #holdForOrder}, last; if the picked bucket is gone by then, another one is found.
     * The offer's type is left to {@link #holdForOrder}: its seats are the buyer's already.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<Long, Short> pickBuckets(SortedMap<TicketType, Integer> wanted, Long offerTypeId) {
        Map<Long, Short> picked = new HashMap<>();
        for (var entry : wanted.entrySet()) {
            TicketType type = entry.getKey();
            if (type.id.equals(offerTypeId)) {
                picked.put(type.id, (short) 0);
                continue;
            }
            List<Bucket> buckets = readBuckets(type.id);
            int free = buckets.stream().mapToInt(Bucket::free).sum();
            if (free < entry.getValue()) {
                throw soldOut(type, free);
            }
            List<Bucket> roomy = buckets.stream().filter(b -> b.free() >= entry.getValue()).toList();
            picked.put(type.id, roomy.isEmpty() ? buckets.get(0).number()
                    : roomy.get(ThreadLocalRandom.current().nextInt(roomy.size())).number());
        }
        return picked;
    }

    /**
     * Holds the seats of a new order's tickets, type by type in id order, as the last work of its transaction, and
     * records on each ticket the bucket its seat is in. Usually one statement: the picked bucket, or another with
     * room that no one is writing. When every bucket with room is busy it waits for one; when no single bucket has
     * room (fragmentation near sell-out) or the order takes up an offer, it locks all the type's buckets in order
     * and takes seats from several. Answers 409 sold-out, exactly, only when the type as a whole lacks the seats.
     * {@code offer} (taken up and locked by the caller, or null) gives its seats to the order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void holdForOrder(List<Ticket> tickets, WaitlistEntry offer, Instant now) {
        for (var entry : byType(tickets).entrySet()) {
            long typeId = entry.getKey();
            List<Ticket> ofType = entry.getValue();
            short preferred = ofType.get(0).seatBucket;
            if (offer != null && offer.ticketTypeId == typeId) {
                // The offer's seats are the order's now; the offer lets go of them when it is marked accepted.
                assign(ofType, takeExactly(typeId, ofType.size(), offer.seatBuckets, preferred));
                continue;
            }
            Short bucket = takeOneBucket(TAKE_UNLOCKED_BUCKET, typeId, ofType.size(), preferred);
            if (bucket == null) {
                metrics.counter("frontdesk.tickets.seat_buckets.busy").increment();
                bucket = takeOneBucket(TAKE_ANY_BUCKET, typeId, ofType.size(), preferred);
            }
            if (bucket != null) {
                for (Ticket ticket : ofType) {
                    if (ticket.seatBucket != bucket) {
                        ticket.seatBucket = bucket;
                    }
                }
            } else {
                metrics.counter("frontdesk.tickets.seat_buckets.exact").increment();
                assign(ofType, takeExactly(typeId, ofType.size(), null, preferred));
            }
        }
    }

    /** Holds seats for a waiting-list offer on a type the caller has locked; false when they are not free. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean holdForOffer(TicketType lockedType, WaitlistEntry entry, Instant now) {
        List<Bucket> buckets = lockBuckets(lockedType.id);
        int[] taken = SeatSplit.allocate(buckets.stream().mapToInt(Bucket::free).toArray(), entry.quantity, -1);
        if (taken == null) {
            return false;
        }
        entry.seatBuckets = applyHeld(lockedType.id, buckets, taken, new int[buckets.size()]);
        return true;
    }

    /** Gives back the seats of an offer nobody took, on a type the caller has locked; the caller ends the offer. */
    @Transactional(Transactional.TxType.MANDATORY)
    void releaseOffer(TicketType lockedType, WaitlistEntry entry, Instant now) {
        for (var seats : countPerBucket(entry.seatBuckets).entrySet()) {
            bucketUpdate("update seat_bucket set held = held - ?3 where ticket_type_id = ?1 and bucket = ?2",
                    lockedType.id, seats.getKey(), seats.getValue());
        }
    }

    /** An order is paid: its held seats become sold seats, in the buckets they are in. */
    @Transactional(Transactional.TxType.MANDATORY)
    void sell(List<Ticket> tickets, Instant now) {
        for (var ofType : byType(tickets).entrySet()) {
            for (var seats : countPerBucket(ofType.getValue()).entrySet()) {
                bucketUpdate("""
                        update seat_bucket set held = held - ?3, sold = sold + ?3
                        where ticket_type_id = ?1 and bucket = ?2""", ofType.getKey(), seats.getKey(), seats.getValue());
            }
        }
    }

    /**
     * Gives an order's seats back to their buckets: held ones if it was unpaid, sold ones if it was confirmed. Its
     * early-bird seats return to the early-bird pool, so a lapsed hold does not use up the quota. Each type is
     * locked first: the freed seats are offered to its waiting list next, under that lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void giveBack(List<Ticket> tickets, boolean wereSold, Instant now) {
        Map<Long, List<Ticket>> byType = byType(tickets);
        byType.keySet().forEach(this::lock);
        for (var ofType : byType.entrySet()) {
            long early = ofType.getValue().stream().filter(t -> t.earlyBirdSeat).count();
            if (early > 0) {
                em.createNativeQuery("update ticket_type set early_taken = early_taken - ?1 where id = ?2")
                        .setParameter(1, (int) early).setParameter(2, ofType.getKey()).executeUpdate();
            }
            for (var seats : countPerBucket(ofType.getValue()).entrySet()) {
                bucketUpdate(wereSold
                        ? "update seat_bucket set sold = sold - ?3 where ticket_type_id = ?1 and bucket = ?2"
                        : "update seat_bucket set held = held - ?3 where ticket_type_id = ?1 and bucket = ?2",
                        ofType.getKey(), seats.getKey(), seats.getValue());
            }
        }
    }

    /** Locks a ticket type and reads its current values; pending changes are written first, not lost. */
    @Transactional(Transactional.TxType.MANDATORY)
    TicketType lock(long typeId) {
        return lock(em.find(TicketType.class, typeId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    TicketType lock(TicketType type) {
        em.flush();
        em.refresh(type, LockModeType.PESSIMISTIC_WRITE);
        return type;
    }

    /** Tickets counted per type id, in id order: the order in which types are locked. */
    static SortedMap<Long, Integer> countByType(List<Ticket> tickets) {
        SortedMap<Long, Integer> counts = new TreeMap<>();
        tickets.forEach(t -> counts.merge(t.ticketTypeId, 1, Integer::sum));
        return counts;
    }

    // --- the rows ---

    private Short takeOneBucket(String sql, long typeId, int seats, short preferred) {
        List<?> rows = em.createNativeQuery(sql).setParameter(1, seats).setParameter(2, typeId)
                .setParameter(3, preferred).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).shortValue();
    }

    /**
     * The slow exact path: all the type's buckets locked in order, seats taken from as many as needed (those
     * {@code alreadyHeld} by the buyer counted as free for them), and one bucket number per seat returned.
     */
    private short[] takeExactly(long typeId, int seats, short[] alreadyHeld, short preferred) {
        List<Bucket> buckets = lockBuckets(typeId);
        int[] own = new int[buckets.size()];
        int preferredIndex = -1;
        for (int i = 0; i < buckets.size(); i++) {
            short number = buckets.get(i).number();
            own[i] = alreadyHeld == null ? 0 : countPerBucket(alreadyHeld).getOrDefault(number, 0);
            if (number == preferred) {
                preferredIndex = i;
            }
        }
        int[] free = new int[buckets.size()];
        for (int i = 0; i < free.length; i++) {
            free[i] = buckets.get(i).free() + own[i];
        }
        // An offer's seats stay where they are if they are enough.
        if (alreadyHeld != null && alreadyHeld.length > 0) {
            preferredIndex = indexOfMost(own);
        }
        int[] taken = SeatSplit.allocate(free, seats, preferredIndex);
        if (taken == null) {
            throw soldOut(TicketType.findById(typeId), java.util.Arrays.stream(free).sum());
        }
        return applyHeld(typeId, buckets, taken, own);
    }

    /** Moves each bucket's held seats from {@code before} to {@code after}; returns one bucket number per seat. */
    private short[] applyHeld(long typeId, List<Bucket> buckets, int[] after, int[] before) {
        List<Short> seats = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            short number = buckets.get(i).number();
            if (after[i] != before[i]) {
                bucketUpdate("update seat_bucket set held = held + ?3 where ticket_type_id = ?1 and bucket = ?2",
                        typeId, number, after[i] - before[i]);
            }
            for (int s = 0; s < after[i]; s++) {
                seats.add(number);
            }
        }
        short[] numbers = new short[seats.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = seats.get(i);
        }
        return numbers;
    }

    private static void assign(List<Ticket> tickets, short[] buckets) {
        for (int i = 0; i < tickets.size(); i++) {
            if (tickets.get(i).seatBucket != buckets[i]) {
                tickets.get(i).seatBucket = buckets[i];
            }
        }
    }

    private static int indexOfMost(int[] values) {
        int most = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[most]) {
                most = i;
            }
        }
        return most;
    }

    /** All the type's buckets, locked in bucket order: the exact path, the admin's capacity change, offers. */
    private List<Bucket> lockBuckets(long typeId) {
        em.flush();
        return buckets("""
                select bucket, capacity, held, sold from seat_bucket where ticket_type_id = ?1
                order by bucket for no key update""", typeId);
    }

    /** All the type's buckets as last committed, without a lock. */
    private List<Bucket> readBuckets(long typeId) {
        return buckets("select bucket, capacity, held, sold from seat_bucket where ticket_type_id = ?1 order by bucket",
                typeId);
    }

    private List<Bucket> buckets(String sql, long typeId) {
        List<Bucket> buckets = new ArrayList<>();
        for (Object row : em.createNativeQuery(sql).setParameter(1, typeId).getResultList()) {
            Object[] columns = (Object[]) row;
            buckets.add(new Bucket(((Number) columns[0]).shortValue(), ((Number) columns[1]).intValue(),
                    ((Number) columns[2]).intValue(), ((Number) columns[3]).intValue()));
        }
        return buckets;
    }

    private void bucketUpdate(String sql, long typeId, short bucket, int... seats) {
        var query = em.createNativeQuery(sql).setParameter(1, typeId).setParameter(2, bucket);
        if (seats.length > 0) {
            query.setParameter(3, seats[0]);
        }
        if (query.executeUpdate() != 1) {
            throw new IllegalStateException("seat bucket " + bucket + " of ticket type " + typeId + " is missing");
        }
    }

    /** Tickets per type id, in id order. */
    private static Map<Long, List<Ticket>> byType(List<Ticket> tickets) {
        Map<Long, List<Ticket>> byType = new TreeMap<>();
        tickets.forEach(t -> byType.computeIfAbsent(t.ticketTypeId, id -> new ArrayList<>()).add(t));
        return byType;
    }

    /** Seats per bucket number, in bucket order: the order in which buckets are locked. */
    private static SortedMap<Short, Integer> countPerBucket(List<Ticket> tickets) {
        SortedMap<Short, Integer> counts = new TreeMap<>();
        tickets.forEach(t -> counts.merge(t.seatBucket, 1, Integer::sum));
        return counts;
    }

    private static SortedMap<Short, Integer> countPerBucket(short[] buckets) {
        SortedMap<Short, Integer> counts = new TreeMap<>();
        for (short bucket : buckets) {
            counts.merge(bucket, 1, Integer::sum);
        }
        return counts;
    }

    private ProblemException soldOut(TicketType type, int free) {
        metrics.counter("frontdesk.tickets.sold_out").increment();
        return notEnoughSeats(type, free);
    }

    /** The answer when {@code type} has only {@code free} seats left, fewer than asked for. */
    static ProblemException notEnoughSeats(TicketType type, int free) {
        int available = Math.max(0, free);
        return new ProblemException(409, "sold-out", "Sold out",
                "Not enough seats left for " + type.name + ": " + available + " available.",
                null, Map.of("ticketType", type.code, "available", available), Map.of());
    }
}

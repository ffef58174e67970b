package ch.frontdesk.tickets;

import java.util.Arrays;

/**
 * How a ticket type's seats are spread over its buckets, and which buckets an order's seats come from. Pure
 * arithmetic: {@link SeatLedger} reads and writes the rows.
 */
final class SeatSplit {

    /**
     * No bucket is made smaller than this: a small type gets fewer buckets, so that most orders (up to the usual
     * party size) still fit in one bucket and fragmentation near sell-out stays rare. A type of 80 seats or fewer
     * has 8 to 10 seats per bucket; above it the configured maximum applies.
     */
    static final int MIN_SEATS_PER_BUCKET = 8;

    private SeatSplit() {
    }

    /** How many buckets a type of this capacity gets: at least one, at most {@code maxBuckets}. */
    static int bucketCount(int capacity, int maxBuckets) {
        return Math.max(1, Math.min(maxBuckets, capacity / MIN_SEATS_PER_BUCKET));
    }

    /** {@code seats} spread evenly over {@code count} buckets, the first ones getting one more where it does not divide. */
    static int[] even(int seats, int count) {
        int[] capacities = new int[count];
        for (int i = 0; i < count; i++) {
            capacities[i] = seats / count + (i < seats % count ? 1 : 0);
        }
        return capacities;
    }

    /**
     * New capacities after the type's capacity changed, for buckets {@code 0..n-1} where {@code n} is the larger of
     * the current and the new bucket count. Each bucket keeps the seats taken in it and gets an even share of the
     * free seats if its number is below the new count; a bucket at or above it keeps only its taken seats (so a
     * bucket with nothing taken ends at 0 and can go). {@code taken[i]} is 0 for a bucket that does not exist yet.
     * The caller has checked that {@code capacity} is at least the sum of {@code taken}.
     */
    static int[] redistribute(int[] taken, int capacity, int newCount) {
        int total = Arrays.stream(taken).sum();
        int[] share = even(capacity - total, newCount);
        int[] capacities = new int[Math.max(taken.length, newCount)];
        for (int i = 0; i < capacities.length; i++) {
            capacities[i] = (i < taken.length ? taken[i] : 0) + (i < newCount ? share[i] : 0);
        }
        return capacities;
    }

    /**
     * Which buckets {@code seats} come from, given each bucket's free seats: all from {@code preferred} if it has
     * room, else all from the roomiest bucket, else from the roomiest ones in turn (fragmentation near sell-out).
     * Returns the seats per bucket, or null when all the buckets together have fewer free seats than that.
     */
    static int[] allocate(int[] free, int seats, int preferred) {
        int[] taken = new int[free.length];
        if (Arrays.stream(free).sum() < seats) {
            return null;
        }
        if (preferred >= 0 && preferred < free.length && free[preferred] >= seats) {
            taken[preferred] = seats;
            return taken;
        }
        int left = seats;
        while (left > 0) {
            int roomiest = 0;
            for (int i = 1; i < free.length; i++) {
                if (free[i] - taken[i] > free[roomiest] - taken[roomiest]) {
                    roomiest = i;
                }
            }
            int take = Math.min(left, free[roomiest] - taken[roomiest]);
            taken[roomiest] += take;
            left -= take;
        }
        return taken;
    }
}

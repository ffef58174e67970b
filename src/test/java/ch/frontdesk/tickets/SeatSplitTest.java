package ch.frontdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeatSplitTest {

    @Test
    void smallTypesGetFewerBucketsOfAtLeastEightSeats() {
        assertThat(SeatSplit.bucketCount(0, 32)).isEqualTo(1);
        assertThat(SeatSplit.bucketCount(10, 32)).isEqualTo(1);
        assertThat(SeatSplit.bucketCount(100, 32)).isEqualTo(12);
        assertThat(SeatSplit.bucketCount(500, 32)).isEqualTo(32);
        assertThat(SeatSplit.bucketCount(500, 16)).isEqualTo(16);
    }

    @Test
    void seatsAreSpreadEvenlyAndAllOfThemCount() {
        assertThat(SeatSplit.even(100, 12)).containsExactly(9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8);
        assertThat(Arrays.stream(SeatSplit.even(100, 12)).sum()).isEqualTo(100);
    }

    @Test
    void aSmallerCapacityKeepsWhatIsTakenInEachBucketAndSharesOnlyTheFreeSeats() {
        int[] capacities = SeatSplit.redistribute(new int[] {2, 0, 3, 1}, 10, 2);

        assertThat(capacities).containsExactly(2 + 2, 0 + 2, 3, 1);
        assertThat(Arrays.stream(capacities).sum()).isEqualTo(10);
    }

    @Test
    void aLargerCapacityAddsBuckets() {
        int[] capacities = SeatSplit.redistribute(new int[] {3, 1}, 24, 3);

        assertThat(capacities).containsExactly(3 + 7, 1 + 7, 6);
    }

    @Test
    void seatsComeFromThePreferredBucketWhenItHasRoom() {
        assertThat(SeatSplit.allocate(new int[] {5, 2, 9}, 2, 1)).containsExactly(0, 2, 0);
    }

    @Test
    void otherwiseFromTheRoomiestBucket() {
        assertThat(SeatSplit.allocate(new int[] {5, 1, 9}, 2, 1)).containsExactly(0, 0, 2);
    }

    @Test
    void whenNoBucketHasRoomForAllTheSeatsTheyComeFromSeveral() {
        assertThat(SeatSplit.allocate(new int[] {1, 1, 1}, 3, 0)).containsExactly(1, 1, 1);
        assertThat(SeatSplit.allocate(new int[] {2, 0, 1}, 3, -1)).containsExactly(2, 0, 1);
    }

    @Test
    void fewerFreeSeatsThanWantedInAllBucketsTogetherIsNoAllocation() {
        assertThat(SeatSplit.allocate(new int[] {1, 0, 1}, 3, 0)).isNull();
    }
}

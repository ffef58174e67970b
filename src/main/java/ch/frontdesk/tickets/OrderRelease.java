package ch.frontdesk.tickets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * What every order that ends without being used gives back: its seats (early-bird ones to the early-bird pool),
 * its voucher uses, and the freed seats to the waiting list. Shared by cancellation and expiry.
 */
@ApplicationScoped
class OrderRelease {

    private final SeatLedger ledger;
    private final Vouchers vouchers;
    private final Waitlist waitlist;

    OrderRelease(SeatLedger ledger, Vouchers vouchers, Waitlist waitlist) {
        this.ledger = ledger;
        this.vouchers = vouchers;
        this.waitlist = waitlist;
    }

    /** Gives back what the order took, as it stands now (held if unpaid, sold if confirmed). */
    @Transactional(Transactional.TxType.MANDATORY)
    void release(TicketOrder order, List<Ticket> tickets, Instant now) {
        ledger.giveBack(tickets, order.status == OrderStatus.CONFIRMED, now);
        int voucherUses = (int) tickets.stream().filter(t -> t.voucherUsed).count();
        if (order.voucherId != null && voucherUses > 0) {
            vouchers.giveBackUses(order.voucherId, voucherUses);
        }
    }

    /** The seats just released go to the people waiting for them, type by type. */
    @Transactional(Transactional.TxType.MANDATORY)
    void offerToWaitlist(List<Ticket> tickets) {
        for (Long typeId : SeatLedger.countByType(tickets).keySet()) {
            waitlist.offerFreedSeats(TicketType.findById(typeId));
        }
    }
}

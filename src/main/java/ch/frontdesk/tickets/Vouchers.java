package ch.frontdesk.tickets;

import ch.frontdesk.common.ProblemException;
import ch.frontdesk.tickets.TicketBodies.Discount;
import ch.frontdesk.tickets.TicketBodies.VoucherChange;
import ch.frontdesk.tickets.TicketBodies.VoucherRequest;
import ch.frontdesk.tickets.TicketBodies.VoucherView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** Discount codes, such as the 100% vouchers speakers get. */
@ApplicationScoped
public class Vouchers {

    private final Clock clock;

    Vouchers(Clock clock) {
        this.clock = clock;
    }

    /** The vouchers of one event (by slug), or of every event when {@code eventSlug} is absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VoucherView> list(String eventSlug) {
        List<Voucher> vouchers;
        if (eventSlug == null || eventSlug.isBlank()) {
            vouchers = Voucher.list("order by eventId, codeKey");
        } else {
            Event event = EventCatalog.find(eventSlug.strip());
            vouchers = Voucher.list("eventId = ?1 order by codeKey", event.id);
        }
        Map<Long, String> slugs = new HashMap<>();
        return vouchers.stream().map(v -> view(v,
                slugs.computeIfAbsent(v.eventId, id -> Event.<Event>findById(id).slug))).toList();
    }

    @Transactional
    public VoucherView create(VoucherRequest request) {
        Event event = Event.bySlug(request.event())
                .orElseThrow(() -> ProblemException.invalid("event", "is not an event"));
        List<String> types = request.types() == null || request.types().isEmpty() ? null : request.types();
        if (types != null) {
            for (int i = 0; i < types.size(); i++) {
                if (TicketType.count("eventId = ?1 and code = ?2", event.id, types.get(i)) == 0) {
                    throw ProblemException.invalid("types[" + i + "]", "is not a ticket type of this event");
                }
            }
        }
        if (Voucher.count("eventId = ?1 and codeKey = ?2", event.id, request.code().toUpperCase(Locale.ROOT)) > 0) {
            throw ProblemException.conflict("duplicate", "Already exists", "This event already has that voucher.");
        }
        Voucher voucher = new Voucher();
        voucher.eventId = event.id;
        voucher.code = request.code();
        voucher.percentOff = request.discount().percent();
        voucher.amountOff = request.discount().amount();
        voucher.typeCodes = types;
        voucher.maxUses = request.maxUses();
        voucher.createdAt = clock.instant();
        voucher.persist();
        return view(voucher, event.slug);
    }

    /** Changes a voucher's number of uses (never below those taken) and whether it takes new orders. */
    @Transactional
    public VoucherView change(String eventSlug, String code, VoucherChange change) {
        Event event = EventCatalog.find(eventSlug);
        Voucher voucher = locked(event, code);
        if (change.maxUses() < voucher.used) {
            throw ProblemException.conflict("uses-taken", "Uses already taken",
                    voucher.used + " uses of this voucher are taken; maxUses cannot be lower.");
        }
        voucher.maxUses = change.maxUses();
        if (change.active() != null) {
            voucher.active = change.active();
        }
        return view(voucher, event.slug);
    }

    /**
     * Deletes a voucher no order ever named; one that orders name stays for them, retired, so it takes no new order.
     */
    @Transactional
    public void delete(String eventSlug, String code) {
        Event event = EventCatalog.find(eventSlug);
        Voucher voucher = locked(event, code);
        if (TicketOrder.count("voucherId", voucher.id) == 0) {
            voucher.delete();
        } else {
            voucher.active = false;
        }
    }

    /** Takes uses for a new order; 409 when the voucher has not that many left. */
    @Transactional(Transactional.TxType.MANDATORY)
    void takeUses(Voucher voucher, int uses) {
        int taken = Voucher.update("used = used + ?1 where id = ?2 and used + ?1 <= maxUses", uses, voucher.id);
        if (taken == 0) {
            throw ProblemException.conflict("voucher-used-up", "Voucher used up",
                    "This voucher has not enough uses left for these tickets.");
        }
    }

    /** An order that used the voucher was cancelled or expired: its uses are free again. */
    @Transactional(Transactional.TxType.MANDATORY)
    void giveBackUses(long voucherId, int uses) {
        Voucher.update("used = used - ?1 where id = ?2", uses, voucherId);
    }

    private static Voucher locked(Event event, String code) {
        return Voucher.<Voucher>find("eventId = ?1 and codeKey = ?2", event.id, code.strip().toUpperCase(Locale.ROOT))
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("This event has no such voucher."));
    }

    private static VoucherView view(Voucher voucher, String eventSlug) {
        List<String> types = voucher.typeCodes == null || voucher.typeCodes.isEmpty() ? null : voucher.typeCodes;
        return new VoucherView(voucher.code, eventSlug, types, new Discount(voucher.percentOff, voucher.amountOff),
                voucher.maxUses, voucher.used, voucher.active);
    }
}

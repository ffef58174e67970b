package ch.frontdesk.tickets;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.Problem;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.common.RateLimiter;
import ch.frontdesk.tickets.TicketBodies.Discount;
import ch.frontdesk.tickets.TicketBodies.VoucherChange;
import ch.frontdesk.tickets.TicketBodies.VoucherRequest;
import ch.frontdesk.tickets.TicketBodies.VoucherView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Discount codes, such as the 100% vouchers speakers get. Codes are guarded against guessing: an order's voucher is
 * judged last, so a refusal says nothing before the rest of the order is valid; wrong ones are counted per client
 * network and a network out of tries is not answered at all for a while; generated codes carry 80 random bits.
 */
@ApplicationScoped
public class Vouchers {

    static final String FAILURE_KIND = "tickets.voucher-failure";
    /** Crockford's base32: no I, L, O or U, so a code read aloud or retyped is not mistaken. */
    static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** 16 characters of 5 bits each: 80 bits, well above the 64 a code that is tried online needs. */
    static final int CODE_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RateLimiter rateLimiter;
    private final TicketsConfig config;
    private final Clock clock;

    Vouchers(RateLimiter rateLimiter, TicketsConfig config, Clock clock) {
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.clock = clock;
    }

    /** A refused voucher: the caller counts it against the client once the order's transaction is undone. */
    static final class Refused extends ProblemException {
        private final ProblemException answer;

        Refused(ProblemException answer) {
            super(answer.status(), "voucher-refused", "Voucher refused", answer.getMessage());
            this.answer = answer;
        }

        /** The client sees the plain answer, the same as for any other invalid field. */
        @Override
        public Problem toProblem() {
            return answer.toProblem();
        }
    }

    /**
     * The voucher an order names, judged only once everything else about the order is valid. One answer for every
     * refusal (unknown, retired, or for other tickets), so it tells a guesser nothing; a client network out of
     * tries gets 429 without the code being looked up.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Voucher redeemable(Event event, String code, List<TicketType> lineTypes, ClientInfo client) {
        if (code == null || code.isBlank()) {
            return null;
        }
        rateLimiter.requireRoom(FAILURE_KIND, client.address(), config.voucherFailuresAllowed(),
                config.voucherFailureWindow());
        return Voucher.<Voucher>find("eventId = ?1 and codeKey = ?2 and active = true", event.id,
                        code.strip().toUpperCase(Locale.ROOT)).firstResultOptional()
                .filter(v -> lineTypes.stream().anyMatch(t -> v.discount().appliesTo(t.code)))
                .orElseThrow(() -> new Refused(
                        ProblemException.invalid("voucher", "is not a valid voucher for these tickets")));
    }

    /** Counts a refused voucher against the client's network, outside the order's undone transaction. */
    @Transactional(Transactional.TxType.NEVER)
    void countFailure(ClientInfo client) {
        rateLimiter.check(FAILURE_KIND, client.address(), config.voucherFailuresAllowed(),
                config.voucherFailureWindow());
    }

    /** A new voucher code of {@link #CODE_LENGTH} characters from {@link #CODE_ALPHABET}, from a SecureRandom. */
    static String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
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
        String code = request.code() == null ? newCode() : request.code();
        if (Voucher.count("eventId = ?1 and codeKey = ?2", event.id, code.toUpperCase(Locale.ROOT)) > 0) {
            throw ProblemException.conflict("duplicate", "Already exists", "This event already has that voucher.");
        }
        Voucher voucher = new Voucher();
        voucher.eventId = event.id;
        voucher.code = code;
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

    /** Takes uses for a new order; 409 when the voucher has not that many left (counted as a refusal too). */
    @Transactional(Transactional.TxType.MANDATORY)
    void takeUses(Voucher voucher, int uses) {
        int taken = Voucher.update("used = used + ?1 where id = ?2 and used + ?1 <= maxUses", uses, voucher.id);
        if (taken == 0) {
            throw new Refused(ProblemException.conflict("voucher-used-up", "Voucher used up",
                    "This voucher has not enough uses left for these tickets."));
        }
    }

    /**
     * For a summary before ordering: refused as {@link #takeUses} would refuse it, when the voucher has not that many
     * uses left; takes none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void requireUses(Voucher voucher, int uses) {
        if (voucher.used + uses > voucher.maxUses) {
            throw new Refused(ProblemException.conflict("voucher-used-up", "Voucher used up",
                    "This voucher has not enough uses left for these tickets."));
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

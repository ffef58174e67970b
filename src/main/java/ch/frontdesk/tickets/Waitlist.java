package ch.frontdesk.tickets;

import ch.frontdesk.common.AccessTokens;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.common.TokenPurpose;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.contact.ContactService;
import ch.frontdesk.tickets.TicketBodies.JoinWaitlist;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The waiting list of each ticket type, first come first served. Freed seats go to the first person waiting,
 * held for them for a while; an offer that lapses passes to the next person. Locks are taken ticket type
 * first, then entry, like everywhere else.
 */
@ApplicationScoped
public class Waitlist {

    private final ContactService contacts;
    private final AccessTokens tokens;
    private final TicketMails mails;
    private final TicketsConfig config;
    private final SeatLedger ledger;
    private final EntityManager em;
    private final Clock clock;

    Waitlist(ContactService contacts, AccessTokens tokens, TicketMails mails, TicketsConfig config, SeatLedger ledger,
            EntityManager em, Clock clock) {
        this.contacts = contacts;
        this.ledger = ledger;
        this.tokens = tokens;
        this.mails = mails;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    /** Puts a person in line for a ticket type. Joining twice keeps the first place. */
    @Transactional
    public void join(String slug, JoinWaitlist request) {
        Event event = EventCatalog.find(slug);
        TicketType type = TicketType.<TicketType>find("eventId = ?1 and code = ?2", event.id, request.type())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.invalid("type", "is not a ticket type of this event"));
        int quantity = request.quantity() == null ? 1 : request.quantity();
        if (quantity > type.maxPerOrder) {
            throw ProblemException.invalid("quantity", "must be at most " + type.maxPerOrder);
        }
        Contact contact = contacts.lockOrCreate(request.email(), request.name());
        boolean waiting = WaitlistEntry.count("ticketTypeId = ?1 and contactId = ?2 and status in ?3",
                type.id, contact.id, List.of(WaitlistEntry.WAITING, WaitlistEntry.OFFERED)) > 0;
        if (waiting) {
            return;
        }
        Instant now = clock.instant();
        WaitlistEntry entry = new WaitlistEntry();
        entry.ticketTypeId = type.id;
        entry.contactId = contact.id;
        entry.name = request.name().strip();
        entry.quantity = quantity;
        entry.status = WaitlistEntry.WAITING;
        entry.createdAt = now;
        entry.updatedAt = now;
        entry.persist();
        offerFreedSeats(type);
    }

    /**
     * Offers the seats now free on this ticket type to the people waiting, in order, as long as the first one's
     * party fits. Nobody is skipped: a large party at the head of the line waits for enough seats.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void offerFreedSeats(TicketType type) {
        ledger.lock(type);
        Event event = Event.findById(type.eventId);
        Instant now = clock.instant();
        if (!EventCatalog.salesOpen(event, now)) {
            return;
        }
        while (true) {
            WaitlistEntry next = WaitlistEntry.<WaitlistEntry>find(
                    "ticketTypeId = ?1 and status = ?2 order by id", type.id, WaitlistEntry.WAITING)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if (next == null || !ledger.holdForOffer(type, next.quantity, now)) {
                return;
            }
            next.status = WaitlistEntry.OFFERED;
            next.offerExpiresAt = now.plus(config.waitlistOfferValidity());
            next.updatedAt = now;
            String token = tokens.issue(TokenPurpose.WAITLIST_OFFER, next.id, config.waitlistOfferValidity());
            mails.waitlistOffer(event, type, Contact.findById(next.contactId), next, token);
            em.flush();
        }
    }

    /** Ends offers that were not taken in time and passes their seats on. Safe on several instances. */
    public int lapseDue() {
        @SuppressWarnings("unchecked")
        List<Number> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select id from waitlist_entry where status = 'offered' and offer_expires_at <= ?1 order by id""")
                .setParameter(1, clock.instant()).getResultList());
        int lapsed = 0;
        for (Number id : due) {
            Boolean done = QuarkusTransaction.requiringNew().call(() -> lapse(id.longValue()));
            if (done) {
                lapsed++;
            }
        }
        return lapsed;
    }

    private boolean lapse(long entryId) {
        WaitlistEntry entry = WaitlistEntry.findById(entryId);
        TicketType type = ledger.lock(entry.ticketTypeId);
        em.refresh(entry, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (!WaitlistEntry.OFFERED.equals(entry.status) || now.isBefore(entry.offerExpiresAt)) {
            return false;
        }
        entry.status = WaitlistEntry.LAPSED;
        entry.updatedAt = now;
        ledger.releaseOffer(type, entry.quantity, now);
        offerFreedSeats(type);
        return true;
    }

    /**
     * The offer an order names, checked once its ticket type is locked (type first, then entry, as everywhere).
     * Returns the seats the offer holds, which become the order's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int takeUpOffer(WaitlistEntry offer, Instant now) {
        em.refresh(offer, LockModeType.PESSIMISTIC_WRITE);
        if (!WaitlistEntry.OFFERED.equals(offer.status) || !now.isBefore(offer.offerExpiresAt)) {
            throw ProblemException.invalid("waitlistOffer", "is not a current offer");
        }
        return offer.quantity;
    }

    /** The order that took up the offer is placed; seats it did not need go to the next person in line. */
    @Transactional(Transactional.TxType.MANDATORY)
    void accepted(WaitlistEntry offer, int seatsUsed, Instant now) {
        offer.status = WaitlistEntry.ACCEPTED;
        offer.updatedAt = now;
        if (offer.quantity > seatsUsed) {
            offerFreedSeats(TicketType.findById(offer.ticketTypeId));
        }
    }

    /** The order that took up the offer never happened: the person is back at their place in line. */
    @Transactional(Transactional.TxType.MANDATORY)
    void backInLine(long entryId) {
        WaitlistEntry offer = WaitlistEntry.findById(entryId);
        TicketType type = ledger.lock(offer.ticketTypeId);
        em.refresh(offer, LockModeType.PESSIMISTIC_WRITE);
        offer.status = WaitlistEntry.WAITING;
        offer.offerExpiresAt = null;
        offer.updatedAt = clock.instant();
        offerFreedSeats(type);
    }
}

package ch.frontdesk.tickets;

import ch.frontdesk.common.AccessToken;
import ch.frontdesk.common.AccessTokens;
import ch.frontdesk.common.LinkState;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.common.TokenPurpose;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.contact.ContactService;
import ch.frontdesk.tickets.TicketBodies.JoinWaitlist;
import ch.frontdesk.queue.QueueWorker;
import ch.frontdesk.queue.WorkQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ch.frontdesk.common.Language;

/**
 * The waiting list of each ticket type, first come first served among those who confirmed their address by email
 * (so nobody can hold seats with addresses they do not own). Freed seats go to the first confirmed person waiting,
 * held for them for a while; an offer that lapses passes to the next person. Locks are taken ticket type
 * first, then entry, then the type's seat buckets, like everywhere else ({@link SeatLedger}).
 */
@ApplicationScoped
public class Waitlist {

    /** A second join of an unconfirmed entry mails the link again, but not more often than this. */
    static final Duration CONFIRMATION_RESEND_AFTER = Duration.ofDays(1);
    static final String LAPSE_OFFERS = "tickets.lapse-offers";

    private final ContactService contacts;
    private final AccessTokens tokens;
    private final TicketMails mails;
    private final TicketsConfig config;
    private final SeatLedger ledger;
    private final QueueWorker worker;
    private final WorkQueue lapseOffers;
    private final EntityManager em;
    private final Clock clock;

    Waitlist(ContactService contacts, AccessTokens tokens, TicketMails mails, TicketsConfig config, SeatLedger ledger,
            QueueWorker worker, @Named(LAPSE_OFFERS) WorkQueue lapseOffers, EntityManager em, Clock clock) {
        this.worker = worker;
        this.lapseOffers = lapseOffers;
        this.contacts = contacts;
        this.ledger = ledger;
        this.tokens = tokens;
        this.mails = mails;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Puts a person in line for a ticket type, from now, and emails them a link to confirm the address: until it is
     * confirmed the entry is skipped. Joining twice keeps the first place; it mails the link again only if none went
     * out in the last {@link #CONFIRMATION_RESEND_AFTER}. The answer is the same either way. {@code stated} is the
     * language the request stated, which becomes the person's; null keeps a known person's language.
     */
    @Transactional
    public void join(String slug, JoinWaitlist request, Language stated) {
        Event event = EventCatalog.find(slug);
        TicketType type = TicketType.<TicketType>find("eventId = ?1 and code = ?2", event.id, request.type())
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.invalid("type", "is not a ticket type of this event"));
        int quantity = request.quantity() == null ? 1 : request.quantity();
        if (quantity > type.maxPerOrder) {
            throw ProblemException.invalid("quantity", "must be at most " + type.maxPerOrder);
        }
        Contact contact = contacts.lockOrCreate(request.email(), request.name(), stated);
        Instant now = clock.instant();
        WaitlistEntry current = WaitlistEntry.<WaitlistEntry>find(
                "ticketTypeId = ?1 and contactId = ?2 and status in ?3",
                type.id, contact.id, List.of(WaitlistEntry.WAITING, WaitlistEntry.OFFERED)).firstResult();
        if (current != null) {
            if (current.confirmedAt == null && tokens.countIssuedSince(TokenPurpose.WAITLIST_CONFIRM, current.id,
                    now.minus(CONFIRMATION_RESEND_AFTER)) == 0) {
                askToConfirm(event, type, contact, current);
            }
            return;
        }
        WaitlistEntry entry = new WaitlistEntry();
        entry.ticketTypeId = type.id;
        entry.contactId = contact.id;
        entry.name = request.name().strip();
        entry.quantity = quantity;
        entry.status = WaitlistEntry.WAITING;
        entry.createdAt = now;
        entry.updatedAt = now;
        entry.persist();
        askToConfirm(event, type, contact, entry);
    }

    /**
     * Within the daily cap on mail to unconfirmed addresses; past it nothing is sent and no token issued, the entry
     * waits unconfirmed, and the answer stays the same (it must not tell who else typed this address today). A later
     * join mails the link again.
     */
    private void askToConfirm(Event event, TicketType type, Contact contact, WaitlistEntry entry) {
        mails.waitlistConfirmation(event, type, contact, entry,
                () -> tokens.issue(TokenPurpose.WAITLIST_CONFIRM, entry.id, config.waitlistConfirmationValidity()));
    }

    /**
     * Confirms the entry behind an emailed token: it takes its place in line by the time it joined, and seats free
     * now are offered at once. An unknown token is 404, an expired one 410, one already used 409.
     */
    @Transactional
    public void confirm(String rawToken) {
        AccessToken token = tokens.find(TokenPurpose.WAITLIST_CONFIRM, rawToken)
                .filter(t -> WaitlistEntry.findById(t.subjectId) != null)
                .orElseThrow(() -> ProblemException.notFound("This confirmation link is not valid."));
        WaitlistEntry entry = WaitlistEntry.findById(token.subjectId);
        TicketType type = ledger.lock(entry.ticketTypeId);
        em.refresh(entry, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (entry.confirmedAt != null || token.isUsed()) {
            throw ProblemException.conflict("already-confirmed", "Already confirmed",
                    "This place on the waiting list is already confirmed; an offer follows by email when seats free up.");
        }
        if (token.isExpired(now)) {
            throw ProblemException.gone("This confirmation link has expired. Join the waiting list again to get a new one.");
        }
        entry.confirmedAt = now;
        entry.updatedAt = now;
        token.usedAt = now;
        offerFreedSeats(type);
    }

    /** What a confirmation link would do, for the page that shows its button. Changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LinkState confirmationLinkState(String rawToken) {
        return tokens.find(TokenPurpose.WAITLIST_CONFIRM, rawToken).map(token -> {
            WaitlistEntry entry = WaitlistEntry.findById(token.subjectId);
            if (entry == null) {
                // The entry went with its ticket type, or with the person's erasure.
                return LinkState.UNKNOWN;
            }
            if (entry.confirmedAt != null || token.isUsed()) {
                return LinkState.DONE;
            }
            return token.isExpired(clock.instant()) ? LinkState.EXPIRED : LinkState.USABLE;
        }).orElse(LinkState.UNKNOWN);
    }

    /** The language of the person a confirmation link was mailed to, for its page. Changes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Language> confirmationLanguage(String rawToken) {
        return tokens.find(TokenPurpose.WAITLIST_CONFIRM, rawToken)
                .map(token -> WaitlistEntry.<WaitlistEntry>findById(token.subjectId))
                .map(entry -> Contact.<Contact>findById(entry.contactId))
                .map(contact -> contact.language);
    }

    /**
     * Offers the seats now free on this ticket type to the confirmed people waiting, in the order they joined, as
     * long as the first one's party fits. Only unconfirmed entries are skipped: a large party at the head of the
     * line waits for enough seats.
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
                    "ticketTypeId = ?1 and status = ?2 and confirmedAt is not null order by id", type.id,
                    WaitlistEntry.WAITING)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if (next == null || !ledger.holdForOffer(type, next, now)) {
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

    /**
     * Lapsed offers: one entry per transaction, claimed by {@link QueueWorker} with SKIP LOCKED (safe on several
     * instances), and an offer that keeps failing is left for the admin while the others lapse.
     */
    @Produces
    @Singleton
    @Named(LAPSE_OFFERS)
    static WorkQueue lapseOffersQueue() {
        return new WorkQueue(LAPSE_OFFERS, "waitlist_entry", "status = 'offered' and offer_expires_at <= :now",
                "t.offer_expires_at");
    }

    /** Ends offers that were not taken in time and passes their seats on. Returns how many lapsed. */
    public int lapseDue() {
        return worker.drain(lapseOffers, this::lapse);
    }

    /**
     * The worker has locked the entry before its type: the one place that does. An order naming this very offer
     * locks them the other way round, but it comes too late to take the offer up anyway: the worst case is
     * PostgreSQL ending one of the two as a deadlock, the late order failing or the lapse retried by the worker.
     */
    private void lapse(long entryId) {
        WaitlistEntry entry = WaitlistEntry.findById(entryId);
        TicketType type = ledger.lock(entry.ticketTypeId);
        em.refresh(entry, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        ledger.releaseOffer(type, entry, now);
        // Status and seats change together: the schema allows no offer without its seats, nor seats without one.
        entry.status = WaitlistEntry.LAPSED;
        entry.seatBuckets = null;
        entry.updatedAt = now;
        offerFreedSeats(type);
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
        offer.seatBuckets = null;
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

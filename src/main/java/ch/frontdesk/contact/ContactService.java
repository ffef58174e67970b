package ch.frontdesk.contact;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Finds or creates the one contact behind an address, and keeps its consent log. */
@ApplicationScoped
public class ContactService {

    private final EntityManager em;
    private final Clock clock;

    ContactService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Trims the address; case is kept as typed, uniqueness ignores it. */
    public static String normalize(String email) {
        return email == null ? null : email.strip();
    }

    /**
     * The contact for {@code email}, created if new, and locked until the transaction ends, so concurrent
     * requests for one address run one after the other. A known contact's name is not overwritten by
     * an unauthenticated request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contact lockOrCreate(String email, String name) {
        return lockOrCreate(email, name, null);
    }

    /** As {@link #lockOrCreate(String, String)}, and the contact's language becomes {@code stated} unless null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contact lockOrCreate(String email, String name, Language stated) {
        Contact contact = findOrCreate(email, name, LockModeType.PESSIMISTIC_WRITE, orDefault(stated));
        adoptLanguage(contact, stated);
        return contact;
    }

    /**
     * The contact for {@code email}, created if new, without holding a lock on it: usually one round trip, the
     * insert and the lookup in one statement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contact findOrCreate(String email, String name) {
        return findOrCreate(email, name, (Language) null);
    }

    /**
     * As {@link #findOrCreate(String, String)}, and the contact's language becomes {@code stated}, the language the
     * request stated (its {@code lang}, else its {@code Accept-Language}); null when it stated none, which leaves a
     * known contact's language as it was and gives a new one English.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contact findOrCreate(String email, String name, Language stated) {
        Contact contact = findOrCreateUnlocked(email, name, orDefault(stated));
        adoptLanguage(contact, stated);
        return contact;
    }

    /**
     * A contact someone else named (an attendee typed in by the buyer): created, if new, in {@code guessed}, the
     * language of the person who named them, the best guess there is; a known contact keeps their own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contact findOrCreateNamedBy(String email, String name, Language guessed) {
        return findOrCreateUnlocked(email, name, orDefault(guessed));
    }

    private Contact findOrCreateUnlocked(String email, String name, Language newContactLanguage) {
        String address = normalize(email);
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Contact> found = em.createNativeQuery("""
                with created as (
                    insert into contact (email, name, language, created_at, updated_at) values (?1, ?2, ?4, ?3, ?3)
                    on conflict (email_key) do nothing returning *)
                select * from created
                union all
                select * from contact where email_key = lower(?1)
                limit 1""", Contact.class)
                .setParameter(1, address).setParameter(2, blankToNull(name)).setParameter(3, now)
                .setParameter(4, newContactLanguage.code())
                .getResultList();
        if (found.isEmpty()) {
            // The address was inserted by a transaction that committed after this statement began: the insert
            // waited for it, the lookup (of the statement's snapshot) could not see it. A second look does.
            return findOrCreate(email, name, LockModeType.NONE, newContactLanguage);
        }
        Contact contact = found.get(0);
        fillName(contact, name, now);
        return contact;
    }

    private Contact findOrCreate(String email, String name, LockModeType lock, Language newContactLanguage) {
        String address = normalize(email);
        Instant now = clock.instant();
        em.createNativeQuery("""
                insert into contact (email, name, language, created_at, updated_at) values (?1, ?2, ?4, ?3, ?3)
                on conflict (email_key) do nothing""")
                .setParameter(1, address).setParameter(2, blankToNull(name)).setParameter(3, now)
                .setParameter(4, newContactLanguage.code())
                .executeUpdate();
        // lower() in the database, the very function that computes email_key: Java's lower-casing differs for
        // some letters (a final sigma, for one).
        Contact contact = Contact.<Contact>find("emailKey = lower(?1)", address)
                .withLock(lock)
                .firstResult();
        fillName(contact, name, now);
        return contact;
    }

    private static Language orDefault(Language language) {
        return language == null ? Language.DEFAULT : language;
    }

    /** The last language a person stated is the one they are written to in. */
    private void adoptLanguage(Contact contact, Language stated) {
        if (stated != null && contact.language != stated) {
            contact.language = stated;
            contact.updatedAt = clock.instant();
        }
    }

    private static void fillName(Contact contact, String name, Instant now) {
        if (contact.name == null && blankToNull(name) != null) {
            contact.name = name.strip();
            contact.updatedAt = now;
        }
    }

    /** Appends a consent record given now; it stays unconfirmed until the address owner confirms. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ConsentRecord recordConsent(Contact contact, ConsentWording wording, String source, ClientInfo client) {
        return recordConsent(contact, wording, source, client, clock.instant());
    }

    /** Appends a consent record given at {@code givenAt}, the time the request arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ConsentRecord recordConsent(Contact contact, ConsentWording wording, String source, ClientInfo client,
            Instant givenAt) {
        ConsentRecord record = new ConsentRecord();
        record.contactId = contact.id;
        record.purpose = wording.purpose();
        record.wordingVersion = wording.version();
        record.wording = wording.text();
        record.source = blankToNull(source);
        record.clientAddress = client.address();
        record.userAgent = client.userAgent();
        record.givenAt = givenAt;
        record.persist();
        return record;
    }

    /** Marks the contact's open consents for {@code purpose} as confirmed now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirmConsents(Contact contact, String purpose) {
        ConsentRecord.update("confirmedAt = ?1 where contactId = ?2 and purpose = ?3 and confirmedAt is null",
                clock.instant(), contact.id, purpose);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

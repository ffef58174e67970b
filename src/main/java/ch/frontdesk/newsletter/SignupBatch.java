package ch.frontdesk.newsletter;

import static ch.frontdesk.common.SqlValues.instant;

import ch.frontdesk.common.Language;
import ch.frontdesk.common.TokenPurpose;
import ch.frontdesk.common.Tokens;
import ch.frontdesk.contact.ContactService;
import ch.frontdesk.mail.Outbox;
import ch.frontdesk.mail.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a batch of queued sign-ups set-based: a dozen statements for the whole batch, whatever its size, where
 * applying them one by one took a dozen statements and a commit per sign-up. The outcome is the one of applying them
 * one after the other in id order (first spelling and first name given win, a known name is never overwritten, every
 * sign-up leaves its consent record), except that an address signed up several times in one batch gets one
 * confirmation mail, not one per sign-up.
 *
 * <p>Locks are taken in one order (contacts by id, then subscriptions by id, then the mail cap's address locks by
 * hash), the order a single request uses too, so two batches on two instances do not deadlock each other; if the
 * database still picks one as a victim, the queue worker splits and retries it like any failed batch.
 */
@ApplicationScoped
class SignupBatch {

    private static final String CONFIRM = new TokenPurpose.DbConverter()
            .convertToDatabaseColumn(TokenPurpose.NEWSLETTER_CONFIRM);
    private static final String UNSUBSCRIBE = new TokenPurpose.DbConverter()
            .convertToDatabaseColumn(TokenPurpose.NEWSLETTER_UNSUBSCRIBE);
    private static final String PENDING = new SubscriptionStatus.DbConverter()
            .convertToDatabaseColumn(SubscriptionStatus.PENDING);
    private static final String UNSUBSCRIBED = new SubscriptionStatus.DbConverter()
            .convertToDatabaseColumn(SubscriptionStatus.UNSUBSCRIBED);

    /** A sign-up as queued, the address trimmed and blank texts read as none; no language when it stated none. */
    private record Queued(long id, String email, String name, String source, String clientAddress, String userAgent,
            Instant receivedAt, Language language) {
    }

    /**
     * A contact the batch holds locked, with the name and language it has once the batch's sign-ups are applied: a
     * missing name filled in, the last language stated.
     */
    private record Person(long id, String email, String name, Language language) {
    }

    /** A subscription waiting for its owner's confirmation. */
    private record Pending(long subscriptionId, Person person) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final NewsletterMails mails;
    private final NewsletterConsent consent;
    private final NewsletterConfig config;
    private final Clock clock;

    SignupBatch(EntityManager em, Outbox outbox, NewsletterMails mails, NewsletterConsent consent,
            NewsletterConfig config, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.mails = mails;
        this.consent = consent;
        this.config = config;
        this.clock = clock;
    }

    /** Applies the claimed sign-ups (locked by the caller's transaction) and deletes them. */
    @Transactional(Transactional.TxType.MANDATORY)
    void apply(List<Long> ids) {
        Long[] idArray = ids.toArray(Long[]::new);
        List<Queued> signups = read(idArray);
        if (signups.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String[] emails = signups.stream().map(Queued::email).toArray(String[]::new);
        createContacts(emails, signups.stream().map(Queued::name).toArray(String[]::new),
                signups.stream().map(s -> code(s.language())).toArray(String[]::new), now);
        Person[] personOf = lockContacts(emails);
        Map<Long, Person> people = applyNamesAndLanguages(signups, personOf, now);
        recordConsents(signups, personOf);
        List<Pending> toConfirm = subscriptionsToConfirm(people, now);
        sendConfirmations(toConfirm, now);
        em.createNativeQuery("delete from newsletter_signup where id = any(cast(?1 as bigint[]))")
                .setParameter(1, idArray).executeUpdate();
    }

    private List<Queued> read(Long[] ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, email, name, source, client_address, user_agent, received_at, language
                from newsletter_signup where id = any(cast(?1 as bigint[])) order by id""")
                .setParameter(1, ids).getResultList();
        return rows.stream().map(r -> new Queued(((Number) r[0]).longValue(), ContactService.normalize((String) r[1]),
                blankToNull((String) r[2]), blankToNull((String) r[3]), (String) r[4], (String) r[5], instant(r[6]),
                Language.of((String) r[7]).orElse(null)))
                .toList();
    }

    /**
     * New addresses become contacts, spelled as their first sign-up in the batch spelled them, in the language it
     * stated (else English; a later sign-up of the batch that states another one changes it in
     * {@link #applyNamesAndLanguages}). Inserted in the order of their key, so two batches that share new addresses
     * wait on each other in one direction only.
     */
    private void createContacts(String[] emails, String[] names, String[] languages, Instant now) {
        em.createNativeQuery("""
                insert into contact (email, name, language, created_at, updated_at)
                select distinct on (lower(e)) e, n, coalesce(l, ?4), ?3, ?3
                from unnest(cast(?1 as text[]), cast(?2 as text[]), cast(?5 as text[])) with ordinality as s(e, n, l, i)
                order by lower(e), i
                on conflict (email_key) do nothing""")
                .setParameter(1, emails).setParameter(2, names).setParameter(3, now)
                .setParameter(4, Language.DEFAULT.code()).setParameter(5, languages).executeUpdate();
    }

    /**
     * Locks the contacts of the batch in id order and answers, for each sign-up (by position), its contact. The key
     * is compared with the database's own {@code lower()}, the one that computes {@code email_key}.
     */
    private Person[] lockContacts(String[] emails) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select s.i, c.id, c.email, c.name, c.language
                from unnest(cast(?1 as text[])) with ordinality as s(e, i) join contact c on c.email_key = lower(s.e)
                order by c.id, s.i
                for no key update of c""")
                .setParameter(1, emails).getResultList();
        Person[] personOf = new Person[emails.length];
        for (Object[] row : rows) {
            personOf[((Number) row[0]).intValue() - 1] = new Person(((Number) row[1]).longValue(), (String) row[2],
                    (String) row[3], Language.of((String) row[4]).orElse(Language.DEFAULT));
        }
        for (int i = 0; i < personOf.length; i++) {
            if (personOf[i] == null) {
                // Only an erasure between insert and lock could do this; the batch is retried.
                throw new IllegalStateException("no contact for a queued sign-up");
            }
        }
        return personOf;
    }

    /**
     * A contact without a name takes the first name given in the batch; a known name is never overwritten. A contact
     * takes the last language the batch's sign-ups stated for it, as if they had been applied one by one; a sign-up
     * that stated none leaves it. One statement for all the contacts that change, none when nothing does.
     */
    private Map<Long, Person> applyNamesAndLanguages(List<Queued> signups, Person[] personOf, Instant now) {
        Map<Long, Person> people = new LinkedHashMap<>();
        Map<Long, Person> before = new LinkedHashMap<>();
        for (int i = 0; i < signups.size(); i++) {
            before.putIfAbsent(personOf[i].id(), personOf[i]);
            Person person = people.getOrDefault(personOf[i].id(), personOf[i]);
            Queued signup = signups.get(i);
            String name = person.name() == null ? signup.name() : person.name();
            Language language = signup.language() == null ? person.language() : signup.language();
            people.put(person.id(), new Person(person.id(), person.email(), name, language));
        }
        List<Long> changed = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        for (Person person : people.values()) {
            Person was = before.get(person.id());
            if (!Objects.equals(was.name(), person.name()) || was.language() != person.language()) {
                changed.add(person.id());
                names.add(person.name());
                languages.add(person.language().code());
            }
        }
        if (!changed.isEmpty()) {
            em.createNativeQuery("""
                    update contact c set name = coalesce(c.name, u.n), language = u.l, updated_at = ?4
                    from unnest(cast(?1 as bigint[]), cast(?2 as text[]), cast(?3 as text[])) as u(id, n, l)
                    where c.id = u.id""")
                    .setParameter(1, changed.toArray(Long[]::new)).setParameter(2, names.toArray(String[]::new))
                    .setParameter(3, languages.toArray(String[]::new)).setParameter(4, now).executeUpdate();
        }
        return people;
    }

    /** One consent record per sign-up, dated when its request arrived. */
    private void recordConsents(List<Queued> signups, Person[] personOf) {
        int n = signups.size();
        Long[] contacts = new Long[n];
        String[] sources = new String[n];
        String[] addresses = new String[n];
        String[] agents = new String[n];
        String[] given = new String[n];
        String[] wordings = new String[n];
        for (int i = 0; i < n; i++) {
            Queued signup = signups.get(i);
            contacts[i] = personOf[i].id();
            // The wording in the language the form stated: the text the person was shown and agreed to.
            wordings[i] = consent.wording(signup.language()).text();
            sources[i] = signup.source();
            addresses[i] = signup.clientAddress();
            agents[i] = signup.userAgent();
            given[i] = signup.receivedAt().toString();
        }
        em.createNativeQuery("""
                insert into consent_record (contact_id, purpose, wording_version, wording, source, client_address,
                                            user_agent, given_at)
                select c, ?6, ?7, w, s, a, u, cast(g as timestamptz)
                from unnest(cast(?1 as bigint[]), cast(?2 as text[]), cast(?3 as text[]), cast(?4 as text[]),
                            cast(?5 as text[]), cast(?8 as text[])) with ordinality as r(c, s, a, u, g, w, i)
                order by i""")
                .setParameter(1, contacts).setParameter(2, sources).setParameter(3, addresses)
                .setParameter(4, agents).setParameter(5, given).setParameter(6, NewsletterService.CONSENT_PURPOSE)
                .setParameter(7, config.consentVersion()).setParameter(8, wordings).executeUpdate();
    }

    /**
     * Creates the missing subscriptions (pending), locks them all, renews the unsubscribed ones, and answers the people
     * whose subscription is now pending: they get a confirmation. Active subscribers stay active and get nothing.
     */
    private List<Pending> subscriptionsToConfirm(Map<Long, Person> people, Instant now) {
        Long[] contactIds = people.keySet().stream().sorted().toArray(Long[]::new);
        em.createNativeQuery("""
                insert into newsletter_subscription (contact_id, status, created_at, updated_at)
                select c, ?2, ?3, ?3 from unnest(cast(?1 as bigint[])) as c order by c
                on conflict (contact_id) do nothing""")
                .setParameter(1, contactIds).setParameter(2, PENDING).setParameter(3, now).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, contact_id, status from newsletter_subscription
                where contact_id = any(cast(?1 as bigint[])) order by id for no key update""")
                .setParameter(1, contactIds).getResultList();
        List<Long> renewed = new ArrayList<>();
        List<Pending> toConfirm = new ArrayList<>();
        for (Object[] row : rows) {
            long subscription = ((Number) row[0]).longValue();
            String status = (String) row[2];
            if (UNSUBSCRIBED.equals(status)) {
                renewed.add(subscription);
            }
            if (UNSUBSCRIBED.equals(status) || PENDING.equals(status)) {
                toConfirm.add(new Pending(subscription, people.get(((Number) row[1]).longValue())));
            }
        }
        if (!renewed.isEmpty()) {
            em.createNativeQuery("""
                    update newsletter_subscription set status = ?2, updated_at = ?3
                    where id = any(cast(?1 as bigint[]))""")
                    .setParameter(1, renewed.toArray(Long[]::new)).setParameter(2, PENDING).setParameter(3, now)
                    .executeUpdate();
        }
        return toConfirm;
    }

    /**
     * A confirmation mail for each pending subscription whose address is within the daily cap on mail to unconfirmed
     * addresses; the two tokens of each are issued only for a mail that goes, all in one statement.
     */
    private void sendConfirmations(List<Pending> pending, Instant now) {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Pending> byAddress = new LinkedHashMap<>();
        pending.forEach(p -> byAddress.put(p.person().email(), p));
        outbox.enqueueAllToUnverified(byAddress.keySet(), granted -> {
            List<OutgoingMail> confirmations = new ArrayList<>();
            int n = granted.size();
            Long[] subjects = new Long[n];
            String[] confirmHashes = new String[n];
            String[] unsubscribeHashes = new String[n];
            int i = 0;
            for (Pending p : pending) {
                if (!granted.contains(p.person().email())) {
                    continue;
                }
                String confirmToken = Tokens.newToken();
                String unsubscribeToken = Tokens.newToken();
                subjects[i] = p.subscriptionId();
                confirmHashes[i] = Tokens.sha256(confirmToken);
                unsubscribeHashes[i] = Tokens.sha256(unsubscribeToken);
                i++;
                confirmations.add(mails.confirmation(p.person().id(), p.person().email(), p.person().name(),
                        p.person().language(), confirmToken, unsubscribeToken));
            }
            em.createNativeQuery("""
                    insert into access_token (purpose, token_hash, subject_id, created_at, expires_at)
                    select v.purpose, v.hash, t.s, ?4, v.expires
                    from unnest(cast(?1 as bigint[]), cast(?2 as text[]), cast(?3 as text[])) as t(s, c, u)
                    cross join lateral (values (?5, t.c, cast(?6 as timestamptz)),
                                               (?7, t.u, cast(null as timestamptz))) as v(purpose, hash, expires)""")
                    .setParameter(1, subjects).setParameter(2, confirmHashes).setParameter(3, unsubscribeHashes)
                    .setParameter(4, now).setParameter(5, CONFIRM).setParameter(6, now.plus(config.confirmationValidity()))
                    .setParameter(7, UNSUBSCRIBE).executeUpdate();
            return confirmations;
        });
    }

    private static String code(Language language) {
        return language == null ? null : language.code();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

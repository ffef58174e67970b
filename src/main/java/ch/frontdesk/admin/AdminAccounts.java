package ch.frontdesk.admin;

import ch.frontdesk.admin.UserApi.NewUser;
import ch.frontdesk.admin.UserApi.UserChange;
import ch.frontdesk.admin.UserApi.UserView;
import ch.frontdesk.common.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Admin accounts: created, changed and removed by admins, and the first admin created from the configuration at
 * start. There is always at least one account with role {@code admin}, so the admin side can never lock itself out.
 */
@ApplicationScoped
public class AdminAccounts {

    private static final Logger LOG = Logger.getLogger(AdminAccounts.class);
    private static final Set<String> ROLES = Set.of(AppUser.ROLE_ADMIN, AppUser.ROLE_CHECKIN);

    private final AdminConfig config;
    private final LoginLock loginLock;
    private final EntityManager em;
    private final Clock clock;

    AdminAccounts(AdminConfig config, LoginLock loginLock, EntityManager em, Clock clock) {
        this.config = config;
        this.loginLock = loginLock;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    void createFirstAdmin(@Observes StartupEvent start) {
        if (config.user().isEmpty() || config.password().isEmpty()) {
            LOG.info("FRONTDESK_ADMIN_USER and FRONTDESK_ADMIN_PASSWORD are not both set: no admin account is created");
            return;
        }
        // The same rules as accounts made on the Users screen: a username that is not an email address (it is the
        // actor of audit entries, which outlive any erasure) and a password of at least 12 characters.
        String username = config.user().get().strip().toLowerCase(java.util.Locale.ROOT);
        if (!username.matches(UserApi.USERNAME)) {
            throw new IllegalStateException("FRONTDESK_ADMIN_USER must be 2 to 64 lower-case letters, digits, dots, "
                    + "dashes or underscores (not an email address)");
        }
        // Replicas started together on an empty database would both find no admin and both insert one: the second
        // insert fails and that replica does not start. Held until commit, the lock makes the second one look after it.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('frontdesk.first-admin'))").getSingleResult();
        if (AppUser.count("lower(username) = ?1", username) > 0) {
            return;
        }
        if (config.password().get().length() < UserApi.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("FRONTDESK_ADMIN_PASSWORD must have at least "
                    + UserApi.MIN_PASSWORD_LENGTH + " characters");
        }
        create(username, config.password().get(), Set.of(AppUser.ROLE_ADMIN));
        LOG.infof("Created the admin account '%s'", username);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AppUser create(String username, String password, Set<String> roles) {
        AppUser user = new AppUser();
        user.username = username;
        user.passwordHash = hash(password);
        user.roles = String.join(",", new TreeSet<>(roles));
        user.createdAt = clock.instant();
        user.persist();
        return user;
    }

    // --- the admin API ---

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> list() {
        Map<String, Instant> locked = loginLock.lockedAccounts();
        return AppUser.<AppUser>listAll(Sort.by("username")).stream()
                .map(user -> view(user, Optional.ofNullable(locked.get(LoginLock.key(user.username)))))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserView> find(String username) {
        return byUsername(username, LockModeType.NONE).map(this::view);
    }

    /** A new account; a username taken in any case is 409. */
    @Transactional
    public UserView add(NewUser request) {
        Set<String> roles = roles(request.roles());
        checkPassword(request.password());
        if (byUsername(request.username(), LockModeType.NONE).isPresent()) {
            throw taken();
        }
        // The unique constraint settles two concurrent creations of one name: the second one is 409, not 500.
        int inserted = em.createNativeQuery("""
                insert into app_user (username, password_hash, roles, created_at) values (?1, ?2, ?3, ?4)
                on conflict (username) do nothing""")
                .setParameter(1, request.username())
                .setParameter(2, hash(request.password()))
                .setParameter(3, String.join(",", roles))
                .setParameter(4, clock.instant())
                .executeUpdate();
        if (inserted == 0) {
            throw taken();
        }
        return find(request.username()).orElseThrow();
    }

    /**
     * Changes the password, the roles or both. The account's dashboard sessions end, so the change takes effect at
     * once. The last admin cannot lose the role.
     */
    @Transactional
    public Optional<UserView> change(String username, UserChange request) {
        Set<String> roles = request.roles() == null ? null : roles(request.roles());
        if (request.password() != null) {
            checkPassword(request.password());
        }
        List<Long> admins = lockAdmins();
        Optional<AppUser> found = byUsername(username, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AppUser user = found.get();
        if (roles != null) {
            if (!roles.contains(AppUser.ROLE_ADMIN) && isLastAdmin(user, admins)) {
                throw lastAdmin("The last admin cannot lose the role admin; give it to another account first.");
            }
            user.roles = String.join(",", roles);
        }
        if (request.password() != null) {
            user.passwordHash = hash(request.password());
        }
        if (request.password() != null || roles != null) {
            endSessions(user);
        }
        return Optional.of(view(user));
    }

    /** Removes an account and its sessions; false when there is none. The last admin cannot be removed. */
    @Transactional
    public boolean remove(String username) {
        List<Long> admins = lockAdmins();
        Optional<AppUser> found = byUsername(username, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            return false;
        }
        AppUser user = found.get();
        if (isLastAdmin(user, admins)) {
            throw lastAdmin("The last admin cannot be removed; make another account admin first.");
        }
        endSessions(user);
        user.delete();
        return true;
    }

    /** Forgets the account's failed logins, which ends a lock at once. */
    @Transactional
    public Optional<UserView> unlock(String username) {
        Optional<AppUser> user = byUsername(username, LockModeType.NONE);
        user.ifPresent(u -> loginLock.clear(u.username));
        return user.map(this::view);
    }

    /**
     * Locks every account holding role admin, in id order, and returns their ids. Whoever removes or demotes an
     * admin takes these locks first, so two admins demoting each other at once cannot leave none: the second
     * waits, then sees one admin left.
     */
    private List<Long> lockAdmins() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                select id from app_user where ',' || roles || ',' like '%,admin,%' order by id for update""")
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private static boolean isLastAdmin(AppUser user, List<Long> admins) {
        return admins.contains(user.id) && admins.size() <= 1;
    }

    private void endSessions(AppUser user) {
        em.createNativeQuery("delete from admin_session where user_id = ?1").setParameter(1, user.id).executeUpdate();
    }

    /** Usernames are matched ignoring case: new ones are stored lower-case, the first admin's as configured. */
    private static Optional<AppUser> byUsername(String username, LockModeType lock) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return AppUser.<AppUser>find("lower(username) = ?1", username.strip().toLowerCase(Locale.ROOT))
                .withLock(lock).firstResultOptional();
    }

    private static Set<String> roles(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            throw ProblemException.invalid("roles", "must hold admin, checkin or both");
        }
        Set<String> roles = new TreeSet<>();
        for (String role : requested) {
            if (role == null || !ROLES.contains(role)) {
                throw ProblemException.invalid("roles", "may hold only admin and checkin");
            }
            roles.add(role);
        }
        return roles;
    }

    private static void checkPassword(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > UserApi.MAX_PASSWORD_BYTES) {
            throw ProblemException.invalid("password",
                    "must be at most " + UserApi.MAX_PASSWORD_BYTES + " bytes, as bcrypt reads no further");
        }
    }

    private String hash(String password) {
        return BcryptUtil.bcryptHash(password, config.bcryptCost());
    }

    private UserView view(AppUser user) {
        return view(user, loginLock.lockedUntil(user.username));
    }

    private static UserView view(AppUser user, Optional<Instant> lockedUntil) {
        List<String> roles = Arrays.stream(user.roles.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .sorted().toList();
        return new UserView(user.username, roles, user.createdAt, lockedUntil.orElse(null));
    }

    private static ProblemException taken() {
        return ProblemException.conflict("duplicate", "Already exists", "An account with this username exists.");
    }

    private static ProblemException lastAdmin(String detail) {
        return ProblemException.conflict("last-admin", "Last admin", detail);
    }
}

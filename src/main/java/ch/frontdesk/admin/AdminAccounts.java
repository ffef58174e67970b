package ch.frontdesk.admin;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Set;
import org.jboss.logging.Logger;

/** Admin accounts. At start it creates the first admin from the configuration, once. */
@ApplicationScoped
public class AdminAccounts {

    private static final Logger LOG = Logger.getLogger(AdminAccounts.class);
    private static final int MIN_PASSWORD_LENGTH = 8;

    private final AdminConfig config;
    private final Clock clock;

    AdminAccounts(AdminConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    void createFirstAdmin(@Observes StartupEvent start) {
        if (config.user().isEmpty() || config.password().isEmpty()) {
            LOG.info("FRONTDESK_ADMIN_USER and FRONTDESK_ADMIN_PASSWORD are not both set: no admin account is created");
            return;
        }
        String username = config.user().get().strip();
        if (AppUser.count("username", username) > 0) {
            return;
        }
        if (config.password().get().length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("FRONTDESK_ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH
                    + " characters");
        }
        create(username, config.password().get(), Set.of(AppUser.ROLE_ADMIN));
        LOG.infof("Created the admin account '%s'", username);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AppUser create(String username, String password, Set<String> roles) {
        AppUser user = new AppUser();
        user.username = username;
        user.passwordHash = BcryptUtil.bcryptHash(password, config.bcryptCost());
        user.roles = String.join(",", roles.stream().sorted().toList());
        user.createdAt = clock.instant();
        user.persist();
        return user;
    }
}

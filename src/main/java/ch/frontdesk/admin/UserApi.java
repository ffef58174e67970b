package ch.frontdesk.admin;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Request and response bodies of the admin accounts API. A password hash never leaves the service. */
public final class UserApi {

    private UserApi() {
    }

    static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,63}";
    static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads only the first 72 bytes: a longer password would be silently cut, so it is refused. */
    static final int MAX_PASSWORD_BYTES = 72;

    public record NewUser(
            @NotNull @Pattern(regexp = USERNAME, message = "must be 2 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit") String username,
            @NotNull @Size(min = MIN_PASSWORD_LENGTH, message = "must have at least " + MIN_PASSWORD_LENGTH + " characters") String password,
            @NotEmpty(message = "must hold admin, checkin or both") List<String> roles) {

        /** Usernames are unique whatever their case, so they are kept lower-case. */
        public NewUser {
            username = username == null ? null : username.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** A password change, a role change, or both; what is absent stays as it is. */
    public record UserChange(
            @Size(min = MIN_PASSWORD_LENGTH, message = "must have at least " + MIN_PASSWORD_LENGTH + " characters") String password,
            @Size(min = 1, message = "must hold admin, checkin or both") List<String> roles) {
    }

    /** {@code lockedUntil} is set while failed logins lock the account. */
    public record UserView(String username, List<String> roles, Instant createdAt, Instant lockedUntil) {
    }
}

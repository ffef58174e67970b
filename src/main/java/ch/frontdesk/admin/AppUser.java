package ch.frontdesk.admin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account for the admin API: roles {@code admin} and {@code checkin}, password kept only as a bcrypt hash. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class AppUser extends PanacheEntityBase {

    public static final String ROLE_ADMIN = "admin";
    public static final String ROLE_CHECKIN = "checkin";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    @Column(nullable = false)
    public String username;

    /** Modular crypt format, e.g. {@code $2a$12$...}. */
    @Password(PasswordType.MCF)
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    /** Comma-separated. */
    @Roles
    @Column(nullable = false)
    public String roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

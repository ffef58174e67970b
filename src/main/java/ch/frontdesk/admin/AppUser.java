package ch.frontdesk.admin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account for the admin API and dashboard ({@link LoginCheck} checks its password): roles {@code admin} and {@code checkin}, password kept only as a bcrypt hash. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    public static final String ROLE_ADMIN = "admin";
    public static final String ROLE_CHECKIN = "checkin";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String username;

    /** Modular crypt format, e.g. {@code $2a$12$...}. */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    /** Comma-separated. */
    @Column(nullable = false)
    public String roles;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

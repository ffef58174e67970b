package ch.frontdesk.tickets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** An edition of the summit (or any event that sells tickets). */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(nullable = false)
    public String venue;

    @Column(nullable = false)
    public String timezone;

    @Column(nullable = false)
    public String currency;

    @Column(name = "sales_start")
    public Instant salesStart;

    @Column(name = "sales_end")
    public Instant salesEnd;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Event> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The first morning of the event, in its own time zone. */
    public Instant startsAt() {
        return startsOn.atStartOfDay(ZoneId.of(timezone)).toInstant();
    }

    /** Sales close at the configured instant, or when the event starts. */
    public Instant salesCloseAt() {
        return salesEnd != null ? salesEnd : startsAt();
    }
}

package ch.frontdesk.contact;

import ch.frontdesk.common.Language;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One person, known by one email address. Newsletter, pledges and tickets all point here. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The address as the person typed it, trimmed. */
    @Column(nullable = false)
    public String email;

    /** Lower-cased by the database; unique. */
    @Column(name = "email_key", insertable = false, updatable = false)
    public String emailKey;

    public String name;

    /** The language every email to this person is written in: the last one they stated in a form. */
    @Column(nullable = false)
    public Language language;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When the person's data was erased; the row stays for the financial records that point to it. */
    @Column(name = "erased_at")
    public Instant erasedAt;
}

package ch.frontdesk.mail;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A file stored with an outbox message until it is sent: its bytes, or (for a {@link Attachment#deferred deferred}
 * file not yet rendered) the renderer's name and spec, from which the sender makes the bytes and stores them here.
 */
@Entity
@Table(name = "outbox_attachment")
public class OutboxAttachment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "message_id", nullable = false)
    public long messageId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    /** Null until a deferred file is rendered. */
    public byte[] content;

    @Column(name = "content_id")
    public String contentId;

    /** The {@link AttachmentRenderer} that makes the bytes of a deferred file; null for a file given as bytes. */
    public String renderer;

    /** What the renderer renders, as JSON; null for a file given as bytes. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String spec;
}

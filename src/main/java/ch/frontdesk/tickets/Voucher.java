package ch.frontdesk.tickets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A discount code for one event, optionally only some ticket types. Each discounted ticket uses it once. */
@Entity
@Table(name = "voucher")
public class Voucher extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public long eventId;

    @Column(nullable = false)
    public String code;

    @Column(name = "code_key", insertable = false, updatable = false)
    public String codeKey;

    @Column(name = "percent_off")
    public Integer percentOff;

    @Column(name = "amount_off")
    public Long amountOff;

    /** A retired voucher takes no new order. */
    @Column(nullable = false)
    public boolean active = true;

    /** Ticket type codes it applies to; null means all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "type_codes")
    public List<String> typeCodes;

    @Column(name = "max_uses", nullable = false)
    public int maxUses;

    @Column(nullable = false)
    public int used;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** What the voucher takes off, for pricing an order. */
    OrderPricing.Discount discount() {
        return new OrderPricing.Discount(percentOff, amountOff, typeCodes);
    }
}

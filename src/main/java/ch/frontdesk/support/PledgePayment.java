package ch.frontdesk.support;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A payment received for a pledge; each one gets a receipt. */
@Entity
@Table(name = "pledge_payment")
public class PledgePayment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pledge_id", nullable = false)
    public long pledgeId;

    @Column(nullable = false)
    public long amount;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public String method;

    @Column(name = "paid_at", nullable = false)
    public Instant paidAt;

    @Column(name = "period_end")
    public Instant periodEnd;
}

package ch.frontdesk.payment;

import ch.frontdesk.common.Money;
import java.util.UUID;

/**
 * What a bank-transfer reference belongs to: {@code kind} is {@code order} or {@code pledge}. Every order and pledge
 * has a reference, card-paid ones too, so {@code paymentMethod} tells the dashboard whether "mark paid" (a bank
 * transfer arrived) makes sense for it.
 */
public record ReferencedPayment(String kind, UUID id, String status, Money amount, String email, String name,
        PaymentMethod paymentMethod) {
}

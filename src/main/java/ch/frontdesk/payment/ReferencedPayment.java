package ch.frontdesk.payment;

import ch.frontdesk.common.Money;
import java.util.UUID;

/** What a bank-transfer reference belongs to: {@code kind} is {@code order} or {@code pledge}. */
public record ReferencedPayment(String kind, UUID id, String status, Money amount, String email, String name) {
}

package ch.frontdesk.payment;

import ch.frontdesk.common.ProblemException;
import java.util.Map;

/** Stripe could not be reached or refused the call: the client gets a 502 problem and nothing was kept. */
public class PaymentProviderException extends ProblemException {

    public PaymentProviderException(String what) {
        super(502, "payment-provider-unavailable", "Payment provider unavailable",
                "The card payment could not be started (" + what + "). Please try again in a moment or pay by invoice.",
                null, null, Map.of());
    }
}

package ch.frontdesk.payment;

import ch.frontdesk.common.ProblemException;
import ch.frontdesk.common.Tokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Which order or pledge a bank transfer is for, from the reference on the statement: ours, or the RF or QR reference
 * its QR-bill carried ({@link BillReference}).
 */
@Path("/api/admin/payments")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: payments")
public class PaymentAdminResource {

    private final Instance<PaymentReferences> references;

    PaymentAdminResource(@Any Instance<PaymentReferences> references) {
        this.references = references;
    }

    @GET
    @Operation(summary = "The order or pledge with this bank-transfer reference: as issued (FD-7KQ2M9XPRA) or as its"
            + " QR-bill carries it (RF creditor reference or 27-digit QR reference); case, spaces and dashes are ignored.")
    public ReferencedPayment find(@QueryParam("reference") String reference) {
        if (reference == null || reference.isBlank()) {
            throw ProblemException.invalid("reference", "must not be blank");
        }
        if (reference.length() > 64) {
            throw ProblemException.invalid("reference", "is not a payment reference");
        }
        // A bank statement shows the reference the QR-bill carried; the admin may type that or ours.
        String canonical = BillReference.canonical(reference)
                .orElseGet(() -> Tokens.canonicalPaymentReference(reference));
        return references.stream().map(r -> r.find(canonical)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No order or pledge has this reference."));
    }
}

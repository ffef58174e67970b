package ch.frontdesk.web;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test only (left out of the API description): answers as a form endpoint does after a card payment was started, or after a form to our own pages. */
@Path("/test-only")
public class RedirectingResource {

    @POST
    @Operation(hidden = true)
    @Path("/redirect-away")
    public Response away() {
        return Response.seeOther(URI.create("https://checkout.stripe.com/c/pay/cs_test_1")).build();
    }

    @POST
    @Operation(hidden = true)
    @Path("/redirect-home")
    public Response home() {
        return Response.seeOther(URI.create("/newsletter/thanks")).build();
    }
}

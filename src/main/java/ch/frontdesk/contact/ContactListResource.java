package ch.frontdesk.contact;

import ch.frontdesk.admin.AdminLists;
import ch.frontdesk.admin.ListRequest;
import ch.frontdesk.common.Page;
import ch.frontdesk.contact.ContactList.ContactRow;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every contact, paged or as CSV. (One contact's data, and its erasure, live in another resource.) */
@Path("/api/admin")
@RolesAllowed("admin")
@Tag(name = "Admin: contacts")
public class ContactListResource {

    private final AdminLists lists;

    ContactListResource(AdminLists lists) {
        this.lists = lists;
    }

    @GET
    @Path("/contacts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Contacts, paged: q (email or name), from, to (created, YYYY-MM-DD), sort (createdAt, email, "
            + "name; - for descending), page, size")
    public Page<ContactRow> list(@Context UriInfo uri) {
        return lists.page(ContactList.LIST, ListRequest.of(uri));
    }

    @GET
    @Path("/contacts.csv")
    @Produces(AdminLists.CSV)
    @Operation(summary = "The same list as CSV, every page, streamed")
    public Response csv(@Context UriInfo uri) {
        return lists.csv(ContactList.LIST, ListRequest.of(uri));
    }
}

package ch.frontdesk.admin;

import ch.frontdesk.admin.UserApi.NewUser;
import ch.frontdesk.admin.UserApi.UserChange;
import ch.frontdesk.admin.UserApi.UserView;
import ch.frontdesk.common.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin accounts, managed by admins. Answers never carry a password hash. */
@Path("/api/admin/users")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: accounts")
public class UserAdminResource {

    private final AdminAccounts accounts;
    private final AuditTrail audit;

    UserAdminResource(AdminAccounts accounts, AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GET
    public List<UserView> list() {
        return accounts.list();
    }

    @POST
    @Operation(summary = "Create an account with roles admin and/or checkin; the password is stored as a bcrypt hash.")
    public Response create(@Valid @NotNull NewUser body) {
        UserView user = accounts.add(body);
        audit.target(target(user.username()));
        return Response.created(URI.create("/api/admin/users/" + user.username())).entity(user).build();
    }

    @GET
    @Path("/{username}")
    public UserView get(@PathParam("username") String username) {
        return accounts.find(username).orElseThrow(UserAdminResource::notFound);
    }

    @PUT
    @Path("/{username}")
    @Operation(summary = "Change the password and/or the roles; the account's dashboard sessions end.")
    public UserView change(@PathParam("username") String username, @Valid @NotNull UserChange body) {
        UserView user = accounts.change(username, body).orElseThrow(UserAdminResource::notFound);
        audit.target(target(user.username()));
        return user;
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Remove an account and its sessions; the last admin cannot be removed (409).")
    public Response delete(@PathParam("username") String username) {
        if (!accounts.remove(username)) {
            throw notFound();
        }
        audit.target(target(username));
        return Response.noContent().build();
    }

    @POST
    @Path("/{username}/unlock")
    @Operation(summary = "Forget the account's failed logins, which ends a lock at once.")
    public UserView unlock(@PathParam("username") String username) {
        UserView user = accounts.unlock(username).orElseThrow(UserAdminResource::notFound);
        audit.target(target(user.username()));
        return user;
    }

    private static String target(String username) {
        return "user:" + username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("There is no such account.");
    }
}

package ch.frontdesk.admin;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.common.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dashboard's way in and out: a login form that opens a session cookie, and logout. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Admin: dashboard login")
public class AdminLoginResource {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance login(String message, String username);
    }

    private final LoginCheck logins;
    private final AdminSessions sessions;
    private final AdminSessionConfig config;
    private final AuditLog audit;
    private final boolean secureCookie;

    AdminLoginResource(LoginCheck logins, AdminSessions sessions, AdminSessionConfig config, AuditLog audit,
            FrontdeskConfig frontdesk) {
        this.logins = logins;
        this.sessions = sessions;
        this.config = config;
        this.audit = audit;
        this.secureCookie = frontdesk.publicUrl().startsWith("https:");
    }

    @GET
    @Path("/login")
    @Operation(summary = "The dashboard's login form.")
    public Response loginPage(@QueryParam("signedOut") boolean signedOut) {
        return page(200, signedOut ? "You are signed out." : null, null);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Checks username and password and opens a session (cookie); 303 to the dashboard.")
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
            @Context HttpServerRequest http) {
        String client = ClientInfo.of(http).address();
        String typed = username == null ? "" : username.strip();
        LoginCheck.Account account;
        try {
            account = logins.verify(typed, password, client);
        } catch (AuthenticationFailedException e) {
            return page(401, "Wrong username or password.", typed);
        } catch (ProblemException e) {
            if (e.status() != 429) {
                throw e;
            }
            return Response.fromResponse(page(429, e.getMessage(), typed))
                    .header("Retry-After", e.headers().get("Retry-After")).build();
        }
        String token = sessions.open(account.id(), client);
        audit.record(account.username(), "login", "user:" + account.username(), client);
        boolean doorOnly = !account.roles().contains(AppUser.ROLE_ADMIN);
        return Response.seeOther(URI.create(doorOnly ? "/admin/checkin" : "/admin"))
                .cookie(cookie(token, (int) config.absoluteTimeout().toSeconds())).build();
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Ends the session; the form carries the session's CSRF token.")
    public Response logout(@FormParam("csrf") String csrf, @CookieParam(AdminSessions.COOKIE) String token,
            @Context HttpServerRequest http) {
        if (token != null) {
            if (!AdminEdge.sameSecret(csrf, AdminSessions.csrfToken(token))) {
                throw new ProblemException(403, "csrf", "Forbidden",
                        "The logout form lacks this session's CSRF token. Reload the page.");
            }
            sessions.find(token).ifPresent(session ->
                    audit.record(session.username(), "logout", "user:" + session.username(), ClientInfo.of(http).address()));
            sessions.close(token);
        }
        return Response.seeOther(URI.create("/admin/login?signedOut=true")).cookie(cookie("", 0)).build();
    }

    private NewCookie cookie(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(AdminSessions.COOKIE).value(value).path("/").httpOnly(true)
                .secure(secureCookie).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAgeSeconds).build();
    }

    private static Response page(int status, String message, String username) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.login(message, username).render()).build();
    }
}

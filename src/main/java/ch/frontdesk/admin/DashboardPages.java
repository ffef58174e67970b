package ch.frontdesk.admin;

import ch.frontdesk.common.ProblemException;
import ch.frontdesk.tickets.TicketBodies.EventSummary;
import ch.frontdesk.tickets.EventCatalog;
import ch.frontdesk.web.EmbedSnippets;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin dashboard's pages. Each page is a shell with its forms and filters; the rows come from the JSON admin
 * API, fetched by {@code /assets/admin.js}, so the dashboard relies on the binding HTTP contract only and changes
 * state through the same audited, CSRF-checked endpoints as any other client. A GET never changes anything.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Admin dashboard", description = "The organisers' web pages")
public class DashboardPages {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance overview(DashboardPage page, Stats stats, String chart);

        static native TemplateInstance live(Stats stats, String chart);

        static native TemplateInstance subscribers(DashboardPage page);

        static native TemplateInstance supporters(DashboardPage page);

        static native TemplateInstance orders(DashboardPage page);

        static native TemplateInstance order(DashboardPage page, String id);

        static native TemplateInstance tickets(DashboardPage page);

        static native TemplateInstance events(DashboardPage page);

        static native TemplateInstance tiers(DashboardPage page);

        static native TemplateInstance outbox(DashboardPage page);

        static native TemplateInstance users(DashboardPage page);

        static native TemplateInstance audit(DashboardPage page);

        static native TemplateInstance people(DashboardPage page);

        static native TemplateInstance person(DashboardPage page, String email, String emailInPath);

        static native TemplateInstance checkin(DashboardPage page, List<EventSummary> events, String selected);

        static native TemplateInstance forms(DashboardPage page, List<EmbedSnippets.SnippetGroup> groups, String assets,
                List<String> origins, String publicOrigin);
    }

    private final SecurityIdentity identity;
    private final StatsService stats;
    private final EventCatalog events;
    private final Clock clock;
    private final EmbedSnippets snippets;

    DashboardPages(SecurityIdentity identity, StatsService stats, EventCatalog events, Clock clock,
            EmbedSnippets snippets) {
        this.identity = identity;
        this.stats = stats;
        this.events = events;
        this.clock = clock;
        this.snippets = snippets;
    }

    @GET
    @RolesAllowed({"admin", "checkin"})
    @Operation(summary = "The overview; door staff are sent to the check-in screen.")
    public Response overview() {
        if (!identity.hasRole(AppUser.ROLE_ADMIN)) {
            return Response.seeOther(URI.create("/admin/checkin")).build();
        }
        Stats now = stats.stats();
        return html(Templates.overview(page("Overview", "overview"), now, DashboardChart.svg(now.days())));
    }

    @GET
    @Path("/overview/live")
    @RolesAllowed("admin")
    @Operation(summary = "The overview's numbers and chart, which the page fetches again every 10 seconds during a rush.")
    public Response live() {
        // One snapshot per refresh feeds both the numbers and the chart, so they always agree.
        Stats now = stats.stats();
        return html(Templates.live(now, DashboardChart.svg(now.days())));
    }

    @GET
    @Path("/subscribers")
    @RolesAllowed("admin")
    public Response subscribers() {
        return html(Templates.subscribers(page("Subscribers", "subscribers")));
    }

    @GET
    @Path("/supporters")
    @RolesAllowed("admin")
    public Response supporters() {
        return html(Templates.supporters(page("Supporters", "supporters")));
    }

    @GET
    @Path("/orders")
    @RolesAllowed("admin")
    public Response orders() {
        return html(Templates.orders(page("Orders", "orders")));
    }

    @GET
    @Path("/orders/{id}")
    @RolesAllowed("admin")
    public Response order(@PathParam("id") String id) {
        UUID order;
        try {
            order = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no such order.");
        }
        return html(Templates.order(page("Order", "orders"), order.toString()));
    }

    @GET
    @Path("/tickets")
    @RolesAllowed("admin")
    public Response tickets() {
        return html(Templates.tickets(page("Tickets", "tickets")));
    }

    @GET
    @Path("/events")
    @RolesAllowed("admin")
    public Response events() {
        return html(Templates.events(page("Events, ticket types and vouchers", "events")));
    }

    @GET
    @Path("/tiers")
    @RolesAllowed("admin")
    public Response tiers() {
        return html(Templates.tiers(page("Support tiers", "tiers")));
    }

    @GET
    @Path("/outbox")
    @RolesAllowed("admin")
    public Response outbox() {
        return html(Templates.outbox(page("Outbox", "outbox")));
    }

    @GET
    @Path("/users")
    @RolesAllowed("admin")
    public Response users() {
        return html(Templates.users(page("Users", "users")));
    }

    @GET
    @Path("/audit")
    @RolesAllowed("admin")
    public Response audit() {
        return html(Templates.audit(page("Audit log", "audit")));
    }

    @GET
    @Path("/people")
    @RolesAllowed("admin")
    public Response people() {
        return html(Templates.people(page("People", "people")));
    }

    /** The address is a query parameter, not a path segment, so it stays out of paths that access logs keep. */
    @GET
    @Path("/person")
    @RolesAllowed("admin")
    public Response person(@QueryParam("email") String email) {
        String address = email == null ? "" : email.strip();
        return html(Templates.person(page("Person", "people"), address,
                URLEncoder.encode(address, StandardCharsets.UTF_8).replace("+", "%20")));
    }

    @GET
    @Path("/checkin")
    @RolesAllowed({"admin", "checkin"})
    @Operation(summary = "The door screen: pick the event, type or scan a ticket code.")
    public Response checkin(@QueryParam("event") String event) {
        List<EventSummary> all = events.events();
        return html(Templates.checkin(page("Check-in", "checkin"), all, selected(all, event)));
    }

    @GET
    @Path("/forms")
    @RolesAllowed("admin")
    @Operation(summary = "The forms to paste into another site, with the public URL filled in, in each language.")
    public Response forms() {
        return html(Templates.forms(page("Forms to embed", "forms"), snippets.groups(), snippets.assets(),
                snippets.embeddingOrigins(), snippets.publicOrigin()));
    }

    /** The asked-for event, else the first one not yet over: on the door's day, that is today's. */
    private String selected(List<EventSummary> all, String asked) {
        if (asked != null && all.stream().anyMatch(e -> e.slug().equals(asked))) {
            return asked;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return all.stream().filter(e -> !e.endsOn().isBefore(today)).findFirst()
                .or(() -> all.stream().reduce((first, second) -> second))
                .map(EventSummary::slug).orElse("");
    }

    private DashboardPage page(String title, String nav) {
        Object csrf = identity.getAttribute(AdminAuthentication.CSRF_ATTRIBUTE);
        return new DashboardPage(title, nav, identity.getPrincipal().getName(),
                identity.hasRole(AppUser.ROLE_ADMIN), csrf == null ? "" : csrf.toString());
    }

    private static Response html(TemplateInstance template) {
        return Response.ok(template.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                // Pages show personal data: never keep them in a shared cache or the browser's back history store.
                .header("Cache-Control", "no-store").build();
    }
}

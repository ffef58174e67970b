package ch.frontdesk.web;

import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.LocalFormat;
import ch.frontdesk.common.Money;
import ch.frontdesk.payment.PaymentGateway;
import ch.frontdesk.support.TierCatalog;
import ch.frontdesk.tickets.EventCatalog;
import ch.frontdesk.tickets.TicketBodies.EventDetail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The forms an organiser pastes into another site: plain HTML that posts to Frontdesk's public API at the public
 * URL, in one language each, plus the optional lines that load the script and the style sheet. Every snippet works
 * without the script; with it, the form is sent in place.
 */
@ApplicationScoped
public class EmbedSnippets {

    @CheckedTemplate(basePath = "web/embed")
    static class Templates {
        static native TemplateInstance newsletter(EmbedForm form);

        static native TemplateInstance pledge(EmbedForm form, List<TierOption> tiers, boolean card);

        static native TemplateInstance waitlist(EmbedForm form, List<TypeOption> types);

        static native TemplateInstance assets(String script, String style);
    }

    /** What every snippet template needs: the form's id (unique on a page) and where it posts, in which language. */
    @TemplateData
    public record EmbedForm(String id, String action, String lang) {
    }

    @TemplateData
    public record TierOption(String code, String name, String amount, String interval) {
    }

    @TemplateData
    public record TypeOption(String code, String name) {
    }

    /** One snippet: which form ({@code newsletter}, {@code pledge}, {@code waitlist}), for which event, its HTML. */
    @TemplateData
    public record Snippet(String kind, String event, Language language, String html) {

        public String lang() {
            return language.code();
        }
    }

    /** One form in every language, as the dashboard lists them. */
    @TemplateData
    public record SnippetGroup(String kind, String event, List<Snippet> snippets) {
    }

    private final FrontdeskConfig config;
    private final TierCatalog tiers;
    private final EventCatalog events;
    private final PaymentGateway payments;
    private final List<String> corsOrigins;

    EmbedSnippets(FrontdeskConfig config, TierCatalog tiers, EventCatalog events, PaymentGateway payments,
            Config settings) {
        this.config = config;
        this.tiers = tiers;
        this.events = events;
        this.payments = payments;
        this.corsOrigins = settings.getOptionalValues("quarkus.http.cors.origins", String.class).orElse(List.of());
    }

    /** Every form, each in English, French and German. */
    public List<SnippetGroup> groups() {
        List<SnippetGroup> groups = new ArrayList<>();
        for (Language language : Language.values()) {
            List<Snippet> all = snippets(language);
            for (int i = 0; i < all.size(); i++) {
                if (groups.size() <= i) {
                    groups.add(new SnippetGroup(all.get(i).kind(), all.get(i).event(), new ArrayList<>()));
                }
                groups.get(i).snippets().add(all.get(i));
            }
        }
        return groups;
    }

    /**
     * The other sites whose pages may post the forms (FRONTDESK_CORS_ORIGINS): every origin the CORS settings allow
     * but our own public URL, whose pages may always post.
     */
    public List<String> embeddingOrigins() {
        String own = publicOrigin();
        return corsOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty() && !origin.equals(own))
                .distinct().toList();
    }

    /**
     * Every form on offer in {@code language}: the newsletter, the pledge form when tiers are on offer, and a waiting
     * list for each event whose sales are open.
     */
    public List<Snippet> snippets(Language language) {
        List<Snippet> snippets = new ArrayList<>();
        snippets.add(newsletter(language));
        pledge(language).ifPresent(snippets::add);
        for (var event : events.events()) {
            EventDetail detail = events.event(event.slug());
            if (detail.salesOpen() && !detail.ticketTypes().isEmpty()) {
                snippets.add(waitlist(detail, language));
            }
        }
        return snippets;
    }

    public Snippet newsletter(Language language) {
        EmbedForm form = form("newsletter", language, "/api/newsletter/subscriptions");
        return new Snippet("newsletter", null, language, render(Templates.newsletter(form), language));
    }

    public Optional<Snippet> pledge(Language language) {
        List<TierOption> offered = tiers.activeTiers().stream()
                .map(tier -> new TierOption(tier.code(), tier.name(),
                        LocalFormat.money(Money.of(tier.amount(), tier.currency()), language), tier.interval().json()))
                .toList();
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        EmbedForm form = form("pledge", language, "/api/support/pledges");
        return Optional.of(new Snippet("pledge", null, language,
                render(Templates.pledge(form, offered, payments.available()), language)));
    }

    public Snippet waitlist(EventDetail event, Language language) {
        EmbedForm form = form("waitlist-" + event.slug(), language,
                "/api/events/" + URLEncoder.encode(event.slug(), StandardCharsets.UTF_8) + "/waitlist");
        List<TypeOption> types = event.ticketTypes().stream().map(t -> new TypeOption(t.code(), t.name())).toList();
        return new Snippet("waitlist", event.name(), language, render(Templates.waitlist(form, types), language));
    }

    /** The optional lines: the script that sends the forms in place, and a style sheet for their errors. */
    public String assets() {
        return Templates.assets(config.link("/embed/frontdesk.js"), config.link("/embed/frontdesk.css")).render()
                .strip();
    }

    /** The public URL's origin ({@code https://frontdesk.example.org}): where the snippets post and load from. */
    public String publicOrigin() {
        URI uri = URI.create(config.link("/"));
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private EmbedForm form(String name, Language language, String path) {
        return new EmbedForm("frontdesk-" + name + "-" + language.code(), config.link(path), language.code());
    }

    private static String render(TemplateInstance template, Language language) {
        return template.setLocale(language.locale()).render().strip();
    }
}

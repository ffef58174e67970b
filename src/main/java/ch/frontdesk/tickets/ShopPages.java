package ch.frontdesk.tickets;

import ch.frontdesk.common.ClientInfo;
import ch.frontdesk.common.FieldError;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.LocalFormat;
import ch.frontdesk.common.Money;
import ch.frontdesk.common.Negotiation;
import ch.frontdesk.common.ProblemException;
import ch.frontdesk.payment.PaymentGateway;
import ch.frontdesk.tickets.EventCatalog.Shop;
import ch.frontdesk.tickets.OrderQuote.HeldOffer;
import ch.frontdesk.tickets.OrderQuote.Quote;
import ch.frontdesk.tickets.OrderService.OrderPage;
import ch.frontdesk.tickets.OrderService.Placed;
import ch.frontdesk.tickets.ShopForm.AttendeeInput;
import ch.frontdesk.tickets.ShopViews.AttendeeView;
import ch.frontdesk.tickets.ShopViews.EventCard;
import ch.frontdesk.tickets.ShopViews.OfferView;
import ch.frontdesk.tickets.ShopViews.OrderFormView;
import ch.frontdesk.tickets.ShopViews.ShopView;
import ch.frontdesk.tickets.ShopViews.SummaryLine;
import ch.frontdesk.tickets.ShopViews.SummaryView;
import ch.frontdesk.tickets.ShopViews.TypeCard;
import ch.frontdesk.tickets.ShopViews.WaitlistPost;
import ch.frontdesk.tickets.ShopViews.WaitlistView;
import ch.frontdesk.tickets.TicketBodies.EventDetail;
import ch.frontdesk.tickets.TicketBodies.JoinWaitlist;
import ch.frontdesk.tickets.TicketBodies.PlaceOrder;
import ch.frontdesk.tickets.TicketBodies.TicketTypeView;
import ch.frontdesk.web.FormErrors;
import ch.frontdesk.web.Pages;
import ch.frontdesk.web.PublicPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The ticket shop's pages: the events on sale, an event's shop with its order form and waiting lists, and the order
 * page. The order form works without JavaScript in two steps: "Continue" shows one attendee fieldset per chosen
 * ticket and the total an order placed now would pay; "Place order" places it through {@link BoxOffice}, as the API
 * does. A refused form is shown again with the API's status, its values kept and each error next to its field.
 * The link of a waiting-list offer opens the shop with {@code ?offer=}: the form then orders the offered seats, and
 * carries the offer to the order as the API's {@code waitlistOffer}.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Summit ticket pages", description = "The ticket shop and the order page, in English, French and German")
public class ShopPages {

    @CheckedTemplate(basePath = "tickets/page")
    static class Templates {
        static native TemplateInstance events(List<EventCard> events);

        static native TemplateInstance shop(ShopView shop, OrderFormView form, FormErrors errors, SummaryView summary,
                WaitlistPost waitlist, OfferView offer);

        static native TemplateInstance waitlistThanks(String eventName, String shopPath);

        static native TemplateInstance order(ShopViews.OrderPageView view);

        static native TemplateInstance problem(String message);
    }

    private final EventCatalog catalog;
    private final BoxOffice boxOffice;
    private final OrderService orders;
    private final OrderQuote quotes;
    private final Pages pages;
    private final PaymentGateway gateway;
    private final TicketsConfig config;
    private final Clock clock;

    ShopPages(EventCatalog catalog, BoxOffice boxOffice, OrderService orders, OrderQuote quotes, Pages pages,
            PaymentGateway gateway, TicketsConfig config, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.boxOffice = boxOffice;
        this.orders = orders;
        this.quotes = quotes;
        this.pages = pages;
        this.gateway = gateway;
        this.config = config;
    }

    /** Where the waiting-list forms send people once they joined. */
    static String waitlistThanks(String slug) {
        return "/events/" + slug + "/waitlist/thanks";
    }

    @GET
    @Path("/events")
    @Operation(summary = "The events with tickets on sale.")
    public Response events(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Language language = Pages.language(lang, headers);
        List<EventCard> cards = catalog.onSale().stream().map(e -> new EventCard(e.name(),
                LocalFormat.dateRange(e.startsOn(), e.endsOn(), language), e.venue(), "/events/" + e.slug()))
                .toList();
        return pages.show(Templates.events(cards), new PublicPage(language, "/events"));
    }

    @GET
    @Path("/events/{slug}")
    @Operation(summary = "The ticket shop of an event: prices as an order placed now pays them, the order form, "
            + "and the waiting list of sold-out tickets. With ?offer= (the link of a waiting-list offer), the form "
            + "orders the seats the offer holds, or the page says the offer is no longer valid.")
    public Response shop(@PathParam("slug") String slug, @QueryParam("lang") String lang,
            @QueryParam("offer") String offerToken, @Context HttpHeaders headers) {
        Language language = Pages.language(lang, headers);
        try {
            Shop shop = catalog.shop(slug);
            OfferState offer = offer(slug, offerToken);
            ShopForm form = offer.held() == null ? ShopForm.EMPTY : offered(ShopForm.EMPTY, offer.held());
            return showShop(200, shop, language, form, List.of(), FormErrors.none(), null, WaitlistPost.NONE, false,
                    Map.of(), offer);
        } catch (ProblemException problem) {
            return problemPage(problem, language, "/events/" + slug, headers);
        }
    }

    @POST
    @Path("/events/{slug}/order")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The shop's order form: action=review shows the attendees and the total, action=order "
            + "places the order (303 to the order page, or to the card checkout).")
    public Response order(@PathParam("slug") String slug, MultivaluedMap<String, String> fields,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        ShopForm posted = ShopForm.read(fields);
        Language language = Pages.language(posted.lang(), headers);
        Shop shop;
        try {
            shop = catalog.shop(slug);
        } catch (ProblemException problem) {
            return problemPage(problem, language, "/events/" + slug, headers);
        }
        OfferState offer = offer(slug, posted.waitlistOffer());
        // An offer no longer current still goes to the summary and the order, which refuse it as the API does.
        ShopForm form = offer.held() == null ? posted : offered(posted, offer.held());
        ClientInfo client = ClientInfo.of(http);
        ShopForm.Lines lines = form.lines(shop.event().ticketTypes());
        if (!lines.errors().isEmpty()) {
            ProblemException problem = ProblemException.invalid(lines.errors());
            scriptsGetTheProblem(problem, headers);
            return showShop(400, shop, language, form, List.of(), errors(problem, language, shop), null,
                    WaitlistPost.NONE, false, Map.of(), offer);
        }
        List<String> codes = lines.typeCodes();
        if (form.wantsOrder() && !codes.isEmpty() && form.attendeesMatch(codes)) {
            return place(slug, shop, form, codes, language, headers, client, offer);
        }
        // A first look, a changed quantity, or an order whose tickets differ from those shown: the summary first.
        return review(slug, shop, form, codes, language, headers, client, form.wantsOrder(), offer);
    }

    private Response review(String slug, Shop shop, ShopForm form, List<String> codes, Language language,
            HttpHeaders headers, ClientInfo client, boolean checkAgain, OfferState offer) {
        try {
            boxOffice.admit(client);
        } catch (ProblemException problem) {
            scriptsGetTheProblem(problem, headers);
            return showShop(problem.status(), shop, language, form, List.of(), errors(problem, language, shop), null,
                    WaitlistPost.NONE, false, problem.headers(), offer);
        }
        if (codes.isEmpty()) {
            ProblemException problem = ProblemException.invalid("tickets", "must not be empty");
            scriptsGetTheProblem(problem, headers);
            return showShop(400, shop, language, form, List.of(), errors(problem, language, shop), null,
                    WaitlistPost.NONE, false, Map.of(), offer);
        }
        Summary summary = summarize(slug, codes, form.voucher(), form.waitlistOffer(), client, language);
        if (summary.problem() != null) {
            ProblemException problem = summary.problem();
            scriptsGetTheProblem(problem, headers);
            return showShop(problem.status(), shop, language, form, summary.view() == null ? List.of() : codes,
                    errors(problem, language, shop), summary.view(), WaitlistPost.NONE, false, problem.headers(),
                    offer.after(problem));
        }
        return showShop(200, shop, language, form, codes, FormErrors.none(), summary.view(), WaitlistPost.NONE,
                checkAgain, Map.of(), offer);
    }

    private Response place(String slug, Shop shop, ShopForm form, List<String> codes, Language language,
            HttpHeaders headers, ClientInfo client, OfferState offer) {
        try {
            PlaceOrder request = check(form);
            String key = ShopForm.blank(form.idempotencyKey()) ? null : form.idempotencyKey();
            Placed placed = boxOffice.order(slug, request, client, key, Pages.stated(form.lang(), headers));
            if (placed.view().checkoutUrl() != null) {
                return Response.seeOther(URI.create(placed.view().checkoutUrl())).build();
            }
            String token = placed.accessToken() != null ? placed.accessToken()
                    : orders.accessToken(placed.view().id());
            return Pages.seeOther("/orders/" + placed.view().id() + "?token=" + token, language);
        } catch (ProblemException problem) {
            scriptsGetTheProblem(problem, headers);
            boolean voucherAnswered = problem instanceof Vouchers.Refused || problem.status() == 429;
            // The order told why it failed; the summary says what the tickets cost, and a wrong voucher if any.
            OfferState after = offer.after(problem);
            Summary summary = summarize(slug, codes, voucherAnswered ? null : form.voucher(),
                    after.held() == null ? null : form.waitlistOffer(), client, language);
            FormErrors errors = errors(problem, language, shop);
            if (summary.problem() != null && isAboutVoucher(summary.problem())) {
                errors = merge(errors, errors(summary.problem(), language, shop));
            }
            return showShop(problem.status(), shop, language, form, summary.view() == null ? List.of() : codes,
                    errors, summary.view(), WaitlistPost.NONE, false, problem.headers(), after);
        }
    }

    /**
     * The API's checks on the order the form makes. An attendee whose email was left empty gets the buyer's address:
     * an error about that address belongs to the buyer's field only.
     */
    private PlaceOrder check(ShopForm form) {
        try {
            return pages.check(form.request());
        } catch (ProblemException problem) {
            List<FieldError> kept = new ArrayList<>();
            for (FieldError error : problem.errors()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("tickets\\[(\\d+)]\\.attendee\\.email")
                        .matcher(error.field());
                if (!(m.matches() && form.emailLeftEmpty(Integer.parseInt(m.group(1))))) {
                    kept.add(error);
                }
            }
            throw ProblemException.invalid(kept);
        }
    }

    @POST
    @Path("/events/{slug}/waitlist")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "The shop's waiting-list form of a sold-out ticket; 303 to a thank-you page, the same for "
            + "every address.")
    public Response joinWaitlist(@PathParam("slug") String slug, @BeanParam WaitlistForm form,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        Language language = Pages.language(form.lang(), headers);
        Shop shop;
        try {
            shop = catalog.shop(slug);
        } catch (ProblemException problem) {
            return problemPage(problem, language, "/events/" + slug, headers);
        }
        try {
            JoinWaitlist request = pages.check(form.request());
            boxOffice.joinWaitlist(slug, request, ClientInfo.of(http), Pages.stated(form.lang(), headers));
            return Pages.seeOther(waitlistThanks(slug), language);
        } catch (ProblemException problem) {
            scriptsGetTheProblem(problem, headers);
            WaitlistView posted = new WaitlistView(form.type() == null ? "" : form.type(), orEmpty(form.email()),
                    orEmpty(form.name()), orEmpty(form.quantity()), errors(problem, language, shop));
            return showShop(problem.status(), shop, language, ShopForm.EMPTY, List.of(), FormErrors.none(), null,
                    new WaitlistPost(posted), false, problem.headers(), OfferState.NONE);
        }
    }

    @GET
    @Path("/events/{slug}/waitlist/thanks")
    @Operation(summary = "Shown after joining a waiting list: the email with the confirmation link is on its way.")
    public Response waitlistThanksPage(@PathParam("slug") String slug, @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        Language language = Pages.language(lang, headers);
        try {
            Shop shop = catalog.shop(slug);
            return pages.show(Templates.waitlistThanks(shop.event().name(), "/events/" + slug),
                    new PublicPage(language, waitlistThanks(slug)));
        } catch (ProblemException problem) {
            return problemPage(problem, language, waitlistThanks(slug), headers);
        }
    }

    @GET
    @Path("/orders/{id}")
    @Operation(summary = "The page order emails link to: the order, how to pay it, and a button to cancel it; in "
            + "?lang=, else the buyer's language.")
    public Response orderPage(@PathParam("id") String id, @QueryParam("token") String token,
            @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        try {
            OrderPage order = orders.page(OrderResource.parse(id), token);
            Language language = Language.of(lang).or(() -> java.util.Optional.ofNullable(order.buyerLanguage()))
                    .orElseGet(() -> Pages.language(null, headers));
            String path = "/orders/" + id + "?token=" + java.net.URLEncoder.encode(token,
                    java.nio.charset.StandardCharsets.UTF_8);
            return pages.show(Templates.order(OrderPageViews.view(order, token, language, config.bank(),
                    order.startsAt().minus(config.cancellationDeadline()), clock.instant())),
                    new PublicPage(language, path));
        } catch (ProblemException problem) {
            return problemPage(problem, Pages.language(lang, headers), "/events", headers);
        }
    }

    // --- rendering ---

    /**
     * The waiting-list offer a page is shown with: none, {@code held} (an order placed now can take it up), or
     * {@code lapsed} (asked for, but unknown, taken up or past its time: the page says no more than that).
     */
    private record OfferState(HeldOffer held, boolean lapsed) {

        static final OfferState NONE = new OfferState(null, false);
        static final OfferState LAPSED = new OfferState(null, true);

        /**
         * The offer after a refusal: one that lapsed meanwhile is refused at {@code waitlistOffer}, and the form then
         * says so in its summary (which the enhanced form shows too) and carries it no more.
         */
        OfferState after(ProblemException problem) {
            return problem.errors().stream().anyMatch(e -> "waitlistOffer".equals(e.field())) ? NONE : this;
        }
    }

    private OfferState offer(String slug, String token) {
        if (ShopForm.blank(token)) {
            return OfferState.NONE;
        }
        return quotes.currentOffer(slug, token.strip()).map(held -> new OfferState(held, false))
                .orElse(OfferState.LAPSED);
    }

    /** The form with the offer's seats: its type at the offered quantity, fixed, and the offer to carry along. */
    private static ShopForm offered(ShopForm form, HeldOffer held) {
        return form.withQuantity(held.type().code, held.quantity()).withOffer(held.token());
    }

    private Response showShop(int status, Shop shop, Language language, ShopForm form, List<String> codes,
            FormErrors errors, SummaryView summary, WaitlistPost waitlist, boolean checkAgain,
            Map<String, String> headers, OfferState offer) {
        EventDetail event = shop.event();
        ZoneId zone = ZoneId.of(event.timezone());
        // Sales closed since the offer was made: nothing can be ordered, so the offer is not shown as held.
        OfferState shown = offer.held() != null && !event.salesOpen() ? OfferState.LAPSED : offer;
        HeldOffer held = shown.held();
        List<TypeCard> types = new ArrayList<>();
        for (TicketTypeView type : event.ticketTypes()) {
            int left = shop.seatsLeft().getOrDefault(type.code(), 0);
            boolean early = Ticket.EARLY_BIRD.equals(type.priceLabel());
            types.add(new TypeCard(type.code(), type.name(), type.description(),
                    LocalFormat.money(type.price(), language), early,
                    early ? LocalFormat.dateTime(type.earlyBirdEndsAt(), zone, language) : null,
                    LocalFormat.money(shop.regularPrices().get(type.code()), language), left,
                    left > 0 && left <= config.fewSeatsLeft(), left == 0, type.maxPerOrder(),
                    form.quantities().getOrDefault(type.code(), "0"),
                    held != null && held.type().code.equals(type.code())));
        }
        boolean anyAvailable = event.salesOpen() && (held != null || types.stream().anyMatch(t -> !t.soldOut()));
        ShopView view = new ShopView(event.slug(), event.name(),
                LocalFormat.dateRange(event.startsOn(), event.endsOn(), language), event.venue(), event.salesOpen(),
                anyAvailable, gateway.available(), "/events/" + event.slug() + "/order",
                "/events/" + event.slug() + "/waitlist", types);
        Map<String, String> typeNames = new LinkedHashMap<>();
        event.ticketTypes().forEach(t -> typeNames.put(t.code(), t.name()));
        List<AttendeeInput> attendees = form.attendeesFor(codes);
        List<AttendeeView> attendeeViews = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            AttendeeInput a = attendees.get(i);
            attendeeViews.add(new AttendeeView(i, a.type(), typeNames.getOrDefault(a.type(), a.type()),
                    orEmpty(a.name()), orEmpty(a.email())));
        }
        String payment = "card".equals(form.paymentMethod()) && gateway.available() ? "card" : "invoice";
        OrderFormView formView = new OrderFormView(orEmpty(form.email()), orEmpty(form.name()),
                orEmpty(form.voucher()), payment, form.consentGiven(), List.copyOf(attendeeViews),
                // A new key for every form shown: a second press of the same "Place order" places one order.
                UUID.randomUUID().toString(), checkAgain);
        OfferView offerView = held != null
                ? new OfferView(true, false, held.token(), held.type().name, held.quantity(),
                        LocalFormat.dateTime(held.until(), zone, language))
                : shown.lapsed() ? OfferView.LAPSED : OfferView.NONE;
        Response page = pages.show(status, Templates.shop(view, formView, errors, summary, waitlist, offerView),
                new PublicPage(language, "/events/" + event.slug()));
        return withHeaders(page, headers);
    }

    private record Summary(SummaryView view, ProblemException problem) {
    }

    /**
     * The tickets priced as an order placed now would be. A voucher that is refused (or a network out of voucher
     * tries) is reported, and the tickets priced without it.
     */
    private Summary summarize(String slug, List<String> codes, String voucher, String waitlistOffer,
            ClientInfo client, Language language) {
        try {
            return new Summary(summaryView(orders.quote(slug, codes, voucher, waitlistOffer, client), language),
                    null);
        } catch (ProblemException problem) {
            if (ShopForm.blank(voucher) || !isAboutVoucher(problem)) {
                return new Summary(null, problem);
            }
            try {
                return new Summary(summaryView(orders.quote(slug, codes, null, waitlistOffer, client), language),
                        problem);
            } catch (ProblemException other) {
                return new Summary(null, other);
            }
        }
    }

    /** A refused voucher, or a network out of voucher tries (the only 429 a summary can meet). */
    private static boolean isAboutVoucher(ProblemException problem) {
        return problem instanceof Vouchers.Refused || problem.status() == 429;
    }

    private static SummaryView summaryView(Quote quote, Language language) {
        List<SummaryLine> lines = quote.lines().stream().map(line -> new SummaryLine(line.typeName(),
                line.earlyBird(), LocalFormat.money(Money.of(line.listPrice(), quote.currency()), language),
                LocalFormat.money(Money.of(line.price(), quote.currency()), language),
                line.price() != line.listPrice())).toList();
        return new SummaryView(lines, LocalFormat.money(Money.of(quote.total(), quote.currency()), language),
                quote.voucherApplied());
    }

    /** The problem worded for the page; a refused voucher is shown at the voucher field. */
    private static FormErrors errors(ProblemException problem, Language language, Shop shop) {
        ShopMessages words = words(language);
        Map<String, Integer> maxPerOrder = new LinkedHashMap<>();
        if (shop != null) {
            shop.event().ticketTypes().forEach(t -> maxPerOrder.put(t.code(), t.maxPerOrder()));
        }
        FormErrors errors = FormErrors.of(problem, language, new ShopFormTexts(words, maxPerOrder));
        if (errors.has("waitlistOffer")) {
            // The offer has no field on the page: the summary says it lapsed.
            return new FormErrors(words.offer_lapsed(), errors.fields());
        }
        if (problem instanceof Vouchers.Refused) {
            Map<String, String> fields = new LinkedHashMap<>(errors.fields());
            fields.put("voucher", problem.status() == 409 ? words.error_voucher_used_up() : words.error_voucher());
            return new FormErrors(errors.summary(), fields);
        }
        return errors;
    }

    private static FormErrors merge(FormErrors first, FormErrors second) {
        Map<String, String> fields = new LinkedHashMap<>(second.fields());
        fields.putAll(first.fields());
        return new FormErrors(first.summary(), fields);
    }

    static ShopMessages words(Language language) {
        return MessageBundles.get(ShopMessages.class, Localized.Literal.of(language.code()));
    }

    /** A page in the layout saying what is wrong (an unknown event, an expired order link), with the API's status. */
    private Response problemPage(ProblemException problem, Language language, String path, HttpHeaders headers) {
        scriptsGetTheProblem(problem, headers);
        FormErrors errors = FormErrors.of(problem, language, new ShopFormTexts(words(language), Map.of()));
        return withHeaders(pages.show(problem.status(), Templates.problem(errors.summary()),
                new PublicPage(language, path)), problem.headers());
    }

    /**
     * A client that does not ask for HTML first (a script, a test) gets the API's problem document, as from the
     * API; a browser gets the page again with the errors next to the fields.
     */
    private static void scriptsGetTheProblem(ProblemException problem, HttpHeaders headers) {
        if (!Negotiation.prefersHtml(headers)) {
            throw problem;
        }
    }

    private static Response withHeaders(Response page, Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return page;
        }
        Response.ResponseBuilder answer = Response.fromResponse(page);
        headers.forEach(answer::header);
        return answer.build();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

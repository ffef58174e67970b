package ch.frontdesk.support;

import ch.frontdesk.common.AccessTokens;
import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.Money;
import ch.frontdesk.common.TokenPurpose;
import ch.frontdesk.contact.Contact;
import ch.frontdesk.mail.Attachment;
import ch.frontdesk.mail.MailRenderer;
import ch.frontdesk.mail.MailText;
import ch.frontdesk.mail.Outbox;
import ch.frontdesk.mail.OutgoingMail;
import ch.frontdesk.payment.BankDetails;
import ch.frontdesk.payment.InvoiceDocument;
import ch.frontdesk.payment.InvoicePdf;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Supporter emails, all through the outbox. Those about a recurring pledge carry a one-click link to cancel it,
 * effective at the end of the paid period.
 */
@ApplicationScoped
class SupportMails {

    // The publication writes in English from Lausanne: dates read the same whatever the server's locale.
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneId.of("Europe/Zurich"));

    @CheckedTemplate(basePath = "support/mail")
    static class Templates {
        static native TemplateInstance invoice(String name, String tier, String amount, String interval,
                boolean renewal, String reference, String dueBy, BankDetails bank, String cancelUrl);

        static native TemplateInstance receipt(String name, String tier, String amount, String paidOn,
                String paidUntil, String cancelUrl);

        static native TemplateInstance renewalReminder(String name, String tier, String amount, String renewsOn,
                String cancelUrl);

        static native TemplateInstance cancelled(String name, String tier, String activeUntil);

        static native TemplateInstance paymentFailed(String name, String tier, String amount, String cancelUrl);
    }

    private final Outbox outbox;
    private final MailRenderer renderer;
    private final AccessTokens tokens;
    private final FrontdeskConfig frontdesk;
    private final InvoicePdf invoices;

    SupportMails(Outbox outbox, MailRenderer renderer, AccessTokens tokens, FrontdeskConfig frontdesk,
            InvoicePdf invoices) {
        this.invoices = invoices;
        this.outbox = outbox;
        this.renderer = renderer;
        this.tokens = tokens;
        this.frontdesk = frontdesk;
    }

    /**
     * The bank details for a new invoice pledge. This is the one mail support sends to an address nobody has
     * confirmed yet (whoever typed it in the form): it counts against the daily cap on such mail, and shows the name
     * only as {@link MailText#requesterName} leaves it, so the form cannot mail anyone a link in our name.
     *
     * @return empty when queued; else when the cap lets the next mail to this address go (nothing is queued)
     */
    Optional<Instant> paymentInstructions(Pledge pledge, SupportTier tier, Contact to, BankDetails bank) {
        return outbox.enqueueToUnverified(to.email,
                () -> invoiceMail(pledge, tier, to, MailText.requesterName(to.name), false, bank));
    }

    void invoice(Pledge pledge, SupportTier tier, Contact to, boolean renewal, BankDetails bank) {
        outbox.enqueue(invoiceMail(pledge, tier, to, to.name, renewal, bank));
    }

    private OutgoingMail invoiceMail(Pledge pledge, SupportTier tier, Contact to, String name, boolean renewal,
            BankDetails bank) {
        return mail("support.invoice", to, renewal ? "Renewing your support for Engineering Prompts" : "Your support for Engineering Prompts: payment details",
                Templates.invoice(name, tier.name, amount(pledge), pledge.interval.json(), renewal,
                        pledge.paymentReference, day(pledge.paymentDueAt), bank, cancelUrl(pledge)),
                List.of(invoice(pledge, tier, to, name, bank)));
    }

    /** The pledge's invoice as a PDF with a Swiss QR-bill. */
    private Attachment invoice(Pledge pledge, SupportTier tier, Contact to, String name, BankDetails bank) {
        Money amount = Money.of(pledge.amount, pledge.currency);
        // language: the supporter's language (contact.language) once the language foundation is merged
        return invoices.attachment(new InvoiceDocument(InvoiceDocument.Kind.PLEDGE, Language.EN, bank,
                "Engineering Prompts", pledge.paymentReference, name, to.email,
                List.of(InvoiceDocument.Line.pledge(tier.name, InvoiceDocument.Period.valueOf(pledge.interval.name()),
                        amount)),
                amount, pledge.paymentDueAt, DAY.getZone()));
    }

    void receipt(Pledge pledge, SupportTier tier, Contact to, PledgePayment payment) {
        send("support.receipt", to, "Receipt: thank you for supporting Engineering Prompts",
                Templates.receipt(to.name, tier.name, Money.of(payment.amount, payment.currency).display(),
                        day(payment.paidAt), payment.periodEnd == null ? null : day(payment.periodEnd),
                        cancelUrl(pledge)));
    }

    void renewalReminder(Pledge pledge, SupportTier tier, Contact to) {
        send("support.renewal-reminder", to, "Your yearly support renews on " + day(pledge.currentPeriodEnd),
                Templates.renewalReminder(to.name, tier.name, amount(pledge), day(pledge.currentPeriodEnd),
                        cancelUrl(pledge)));
    }

    void paymentFailed(Pledge pledge, SupportTier tier, Contact to) {
        send("support.payment-failed", to, "Your support payment did not go through",
                Templates.paymentFailed(to.name, tier.name, amount(pledge), cancelUrl(pledge)));
    }

    void cancelled(Pledge pledge, SupportTier tier, Contact to) {
        send("support.cancelled", to, "Your support for Engineering Prompts is cancelled",
                Templates.cancelled(to.name, tier.name,
                        pledge.cancelAtPeriodEnd && pledge.currentPeriodEnd != null ? day(pledge.currentPeriodEnd) : null));
    }

    /** A fresh one-click cancel link for a recurring pledge; none for a one-off gift, which never renews. */
    private String cancelUrl(Pledge pledge) {
        if (!pledge.interval.recurring()) {
            return null;
        }
        return frontdesk.link("/support/cancel?token=" + tokens.issue(TokenPurpose.PLEDGE_CANCEL, pledge.id, null));
    }

    private void send(String kind, Contact to, String subject, TemplateInstance template) {
        outbox.enqueue(mail(kind, to, subject, template));
    }

    private OutgoingMail mail(String kind, Contact to, String subject, TemplateInstance template) {
        return mail(kind, to, subject, template, List.of());
    }

    private OutgoingMail mail(String kind, Contact to, String subject, TemplateInstance template,
            List<Attachment> files) {
        var body = renderer.render(template);
        return new OutgoingMail(kind, to.id, to.email, subject, body.text(), body.html(), Map.of(), files);
    }

    private static String amount(Pledge pledge) {
        return Money.of(pledge.amount, pledge.currency).display();
    }

    private static String day(Instant instant) {
        return DAY.format(instant);
    }
}

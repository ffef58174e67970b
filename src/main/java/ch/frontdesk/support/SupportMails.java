package ch.frontdesk.support;

import ch.frontdesk.common.AccessTokens;
import ch.frontdesk.common.FrontdeskConfig;
import ch.frontdesk.common.Language;
import ch.frontdesk.common.LocalFormat;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Supporter emails, all through the outbox, each in the supporter's language ({@code contact.language}, the last one
 * they stated), renewals sent by the calendar included. Those about a recurring pledge carry a one-click link to
 * cancel it, effective at the end of the paid period.
 */
@ApplicationScoped
class SupportMails {

    // Support has no event to take a time zone from: the publication is written in Lausanne, so its days are Swiss
    // ones, whatever the server's zone.
    static final ZoneId ZONE = ZoneId.of("Europe/Zurich");

    @CheckedTemplate(basePath = "support/mail")
    static class Templates {
        static native TemplateInstance invoice(String lang, String name, String tier, String amount, String interval,
                boolean renewal, String reference, String dueBy, BankDetails bank, String cancelUrl);

        static native TemplateInstance receipt(String lang, String name, String tier, String amount, String paidOn,
                String paidUntil, String cancelUrl);

        static native TemplateInstance renewalReminder(String lang, String name, String tier, String amount,
                String renewsOn, String cancelUrl);

        static native TemplateInstance cancelled(String lang, String name, String tier, String activeUntil);

        static native TemplateInstance paymentFailed(String lang, String name, String tier, String amount,
                String cancelUrl);
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
        Language language = to.language;
        SupportMessages words = SupportTexts.in(language);
        return mail("support.invoice", to, renewal ? words.subject_invoice_renewal() : words.subject_invoice(),
                Templates.invoice(language.code(), name, tier.name, amount(pledge, language),
                        SupportTexts.interval(pledge.interval, language), renewal, pledge.paymentReference,
                        day(pledge.paymentDueAt, language), bank, cancelUrl(pledge, language)),
                List.of(invoice(pledge, tier, to, name, bank)));
    }

    /** The pledge's invoice as a PDF with a Swiss QR-bill, in the supporter's language. */
    private Attachment invoice(Pledge pledge, SupportTier tier, Contact to, String name, BankDetails bank) {
        Money amount = Money.of(pledge.amount, pledge.currency);
        return invoices.deferred(new InvoiceDocument(InvoiceDocument.Kind.PLEDGE, to.language, bank,
                "Engineering Prompts", pledge.paymentReference, name, to.email,
                List.of(InvoiceDocument.Line.pledge(tier.name, InvoiceDocument.Period.valueOf(pledge.interval.name()),
                        amount)),
                amount, pledge.paymentDueAt, ZONE));
    }

    void receipt(Pledge pledge, SupportTier tier, Contact to, PledgePayment payment) {
        Language language = to.language;
        send("support.receipt", to, SupportTexts.in(language).subject_receipt(),
                Templates.receipt(language.code(), to.name, tier.name,
                        LocalFormat.money(Money.of(payment.amount, payment.currency), language),
                        day(payment.paidAt, language), payment.periodEnd == null ? null : day(payment.periodEnd, language),
                        cancelUrl(pledge, language)));
    }

    void renewalReminder(Pledge pledge, SupportTier tier, Contact to) {
        Language language = to.language;
        String renewsOn = day(pledge.currentPeriodEnd, language);
        send("support.renewal-reminder", to, SupportTexts.in(language).subject_renewal_reminder(renewsOn),
                Templates.renewalReminder(language.code(), to.name, tier.name, amount(pledge, language), renewsOn,
                        cancelUrl(pledge, language)));
    }

    void paymentFailed(Pledge pledge, SupportTier tier, Contact to) {
        Language language = to.language;
        send("support.payment-failed", to, SupportTexts.in(language).subject_payment_failed(),
                Templates.paymentFailed(language.code(), to.name, tier.name, amount(pledge, language),
                        cancelUrl(pledge, language)));
    }

    void cancelled(Pledge pledge, SupportTier tier, Contact to) {
        Language language = to.language;
        send("support.cancelled", to, SupportTexts.in(language).subject_cancelled(),
                Templates.cancelled(language.code(), to.name, tier.name,
                        pledge.cancelAtPeriodEnd && pledge.currentPeriodEnd != null
                                ? day(pledge.currentPeriodEnd, language) : null));
    }

    /**
     * A fresh one-click cancel link for a recurring pledge, opening its page in the supporter's language; none for a
     * one-off gift, which never renews.
     */
    private String cancelUrl(Pledge pledge, Language language) {
        if (!pledge.interval.recurring()) {
            return null;
        }
        return frontdesk.link("/support/cancel?token=" + tokens.issue(TokenPurpose.PLEDGE_CANCEL, pledge.id, null)
                + "&lang=" + language.code());
    }

    private void send(String kind, Contact to, String subject, TemplateInstance template) {
        outbox.enqueue(mail(kind, to, subject, template));
    }

    private OutgoingMail mail(String kind, Contact to, String subject, TemplateInstance template) {
        return mail(kind, to, subject, template, List.of());
    }

    private OutgoingMail mail(String kind, Contact to, String subject, TemplateInstance template,
            List<Attachment> files) {
        var body = renderer.render(template, to.language);
        return new OutgoingMail(kind, to.id, to.email, subject, body.text(), body.html(), Map.of(), files);
    }

    private static String amount(Pledge pledge, Language language) {
        return LocalFormat.money(Money.of(pledge.amount, pledge.currency), language);
    }

    private static String day(Instant instant, Language language) {
        return LocalFormat.date(instant, ZONE, language);
    }
}

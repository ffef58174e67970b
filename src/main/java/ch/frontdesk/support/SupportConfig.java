package ch.frontdesk.support;

import ch.frontdesk.payment.BankAccount;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How paid support behaves. */
@ConfigMapping(prefix = "frontdesk.support")
public interface SupportConfig {

    /** Time given to pay an invoice, for a first payment and for each renewal. */
    @WithDefault("14d")
    Duration invoiceDue();

    /** Yearly supporters are reminded this long before their renewal. */
    @WithDefault("7d")
    Duration renewalReminder();

    /** Pledge requests one client address may make per minute. */
    @WithDefault("20")
    int pledgesPerMinute();

    /** How often renewals, reminders and lapsed invoices are looked after. */
    @WithDefault("15m")
    String jobsEvery();

    /** The account supporters transfer to. */
    BankAccount bank();
}

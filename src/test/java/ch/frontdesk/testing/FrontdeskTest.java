package ch.frontdesk.testing;

import ch.frontdesk.common.RateLimiter;
import ch.frontdesk.mail.OutboxSender;
import ch.frontdesk.newsletter.NewsletterService;
import io.quarkus.arc.Arc;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/** What every resource test starts from: empty tables, the clock at {@link MutableClock#START}, no mail. */
public abstract class FrontdeskTest {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    @Inject
    protected Database database;
    @Inject
    protected MutableClock clock;
    @Inject
    protected MockMailbox mailbox;
    @Inject
    protected OutboxSender outboxSender;
    @Inject
    protected RateLimiter rateLimiter;

    /**
     * A test method that starts from the data its class prepared for an earlier method rather than from empty
     * tables: for a table of requests that must all be refused and change nothing, where preparing the same data
     * for every row would cost most of the run. The class clears and prepares the data itself.
     */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
    public @interface KeepsData {
    }

    @BeforeEach
    void startClean(TestInfo test) {
        if (test.getTestMethod().map(method -> !method.isAnnotationPresent(KeepsData.class)).orElse(true)) {
            database.clear();
        }
        clock.reset();
        rateLimiter.reset();
        mailbox.clear();
    }

    /** Applies queued sign-ups, as the background worker does a moment after each request. */
    protected static int applySignups() {
        return Arc.container().instance(NewsletterService.class).get().applySignups();
    }

    /** Applies queued sign-ups, runs the outbox sender once, and returns the mails delivered to {@code address}. */
    protected List<Mail> deliverTo(String address) {
        applySignups();
        outboxSender.sendDue();
        return mailbox.getMailsSentTo(address);
    }

    /** The first {@code token=...} value in the text. */
    protected static String tokenIn(String text, String pathPrefix) {
        Matcher matcher = Pattern.compile(Pattern.quote(pathPrefix) + "\\?token=([A-Za-z0-9_-]+)").matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No link to " + pathPrefix + " in:\n" + text);
        }
        return matcher.group(1);
    }

    protected static String anyToken(String text) {
        Matcher matcher = TOKEN.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No token in:\n" + text);
        }
        return matcher.group(1);
    }
}

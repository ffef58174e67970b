package ch.frontdesk.packaged;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A loopback SMTP server (GreenMail) that every instance under test mails through, read back as plain records: who
 * got what, under which {@code Message-ID}. The outbox gives each message a Message-ID made from its row, so the same
 * row delivered twice shows up as two mails with one Message-ID.
 */
final class Inbox implements AutoCloseable {

    /** One delivered mail; {@code text} is its decoded text/plain part. */
    record Mail(String to, String subject, String messageId, String text) {

        /** The token of the first link to {@code path} in the text ({@code /waitlist/confirm?token=...}). */
        String token(String path) {
            Matcher matcher = Pattern.compile(Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)").matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("No link to " + path + " in the mail to " + to + ": " + subject);
            }
            return matcher.group(1);
        }
    }

    private static final Pattern OUTBOX_ID = Pattern.compile("<outbox-(\\d+)\\.[0-9a-f]+@");

    private final GreenMail smtp;
    private final int port;

    private Inbox(int port) {
        this.port = port;
        this.smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** A server listening on a free port. */
    static Inbox start() {
        Inbox inbox = closed();
        inbox.smtp.start();
        return inbox;
    }

    /** A port where nothing listens until {@link #open()}: a mail server that is down. */
    static Inbox closed() {
        return new Inbox(ServiceProcess.freePort());
    }

    /** Starts listening: the mail server comes back. */
    void open() {
        smtp.start();
    }

    int port() {
        return port;
    }

    /** Every mail received so far, in order of arrival. */
    List<Mail> all() {
        return Arrays.stream(smtp.getReceivedMessages()).map(Inbox::read).toList();
    }

    List<Mail> matching(Predicate<Mail> filter) {
        return all().stream().filter(filter).toList();
    }

    /** Waits until at least {@code count} mails match, and returns those that do; fails past the deadline. */
    List<Mail> await(Predicate<Mail> filter, int count, Duration within) {
        Deadline deadline = Deadline.in(within);
        while (true) {
            List<Mail> found = matching(filter);
            if (found.size() >= count) {
                return found;
            }
            deadline.orFail(() -> "Only " + found.size() + " of " + count + " expected mails arrived");
        }
    }

    /** How many mails each recipient got, of those matching. */
    Map<String, Long> perRecipient(Predicate<Mail> filter) {
        return matching(filter).stream().collect(Collectors.groupingBy(Mail::to, Collectors.counting()));
    }

    /** How many messages arrived in all. */
    int received() {
        return smtp.getReceivedMessages().length;
    }

    /**
     * How many messages arrived per outbox row: the outbox gives every message the id
     * {@code <outbox-{row id}.{hash}@domain>}, the same for each attempt, so this tells "once", "never" and "twice"
     * apart.
     */
    Map<Long, Integer> perOutboxRow() {
        Map<Long, Integer> counts = new java.util.TreeMap<>();
        for (Mail mail : all()) {
            Matcher matcher = OUTBOX_ID.matcher(mail.messageId() == null ? "" : mail.messageId());
            if (!matcher.find()) {
                throw new AssertionError("A message without an outbox Message-ID: " + mail.messageId());
            }
            counts.merge(Long.parseLong(matcher.group(1)), 1, Integer::sum);
        }
        return counts;
    }

    /** How many messages arrived per recipient address. */
    Map<String, Integer> perRecipient() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                for (var address : message.getAllRecipients()) {
                    counts.merge(address.toString(), 1, Integer::sum);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    Set<String> distinctMessageIds() {
        return all().stream().map(Mail::messageId).collect(Collectors.toSet());
    }

    static Predicate<Mail> subjectStarts(String prefix) {
        return mail -> mail.subject().startsWith(prefix);
    }

    private static Mail read(MimeMessage message) {
        try {
            String[] ids = message.getHeader("Message-ID");
            return new Mail(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
                    ids == null ? null : ids[0], text(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("A received mail could not be read", e);
        }
    }

    /** The first text/plain part, decoded (no quoted-printable soft breaks in the way of a link). */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                String text = text(parts.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    @Override
    public void close() {
        smtp.stop();
    }
}

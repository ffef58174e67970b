package ch.frontdesk.mail;

/**
 * A file sent with a mail. With a {@code contentId} it is shown inline (an HTML part refers to it as
 * {@code cid:...}); without one it is a regular attachment.
 */
public record Attachment(String fileName, String contentType, byte[] content, String contentId) {
}

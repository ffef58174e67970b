package ch.frontdesk.admin;

import java.time.Instant;
import java.util.Set;

/** A live dashboard login: who it is, what they may do, and the CSRF token their pages must send back. */
public record AdminSession(String username, Set<String> roles, String csrfToken, Instant createdAt) {
}

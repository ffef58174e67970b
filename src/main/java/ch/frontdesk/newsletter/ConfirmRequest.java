package ch.frontdesk.newsletter;

import jakarta.validation.constraints.NotBlank;

/** The token from a confirmation link. */
public record ConfirmRequest(@NotBlank String token) {
}

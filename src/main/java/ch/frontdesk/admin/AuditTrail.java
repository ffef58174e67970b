package ch.frontdesk.admin;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * What the audit entry of the current admin request is about. Every successful state-changing admin request is
 * recorded by {@link AuditRecorder}; its target defaults to the request path, and a resource names a better one
 * here, for example when the path holds an email address that must not outlive an erasure.
 */
@RequestScoped
public class AuditTrail {

    private String target;

    /** The record the request changed, e.g. {@code contact:42} or {@code order:<public id>}; never an email. */
    public void target(String target) {
        this.target = target;
    }

    Optional<String> target() {
        return Optional.ofNullable(target);
    }
}

package ch.frontdesk.common;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. Its one job before Quarkus starts: let a URL with a broken {@code %}-escape through to
 * {@link EdgeProblems}, which answers it with a problem detail. Quarkus reads {@code vertx.disableURIValidation} once,
 * when its HTTP layer loads, and otherwise answers such a URL with a bare {@code 400}; setting it here means neither
 * {@code java -jar}, the container nor dev mode needs a {@code -D} flag. Tests, which do not run this class, set it in
 * the surefire {@code argLine}.
 */
@QuarkusMain
public final class FrontdeskMain {

    static final String URI_VALIDATION = "vertx.disableURIValidation";

    FrontdeskMain() {
        // Quarkus registers a @QuarkusMain class as a bean; it is never used as one.
    }

    public static void main(String... args) {
        if (System.getProperty(URI_VALIDATION) == null) {
            System.setProperty(URI_VALIDATION, "true");
        }
        Quarkus.run(args);
    }
}

package ch.frontdesk.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofHours(1));

    @Test
    void retriesBackOffExponentiallyFromTheFirstDelayUpToTheCap() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.backoff(12)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.backoff(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aRowIsGivenUpOnAtItsLastAttemptAndNotBefore() {
        assertThat(policy.givesUpAfter(4)).isFalse();
        assertThat(policy.givesUpAfter(5)).isTrue();
    }

    @Test
    void theErrorShownToTheAdminCarriesNoLinkToken() {
        String error = QueueWorker.describe(new IllegalStateException("could not render",
                new RuntimeException("link https://x.example/confirm?token=AbCdEfGhIjKlMnOpQrStUvWxYz012345 broke")));

        assertThat(error).contains("could not render: link https://x.example/confirm?token=redacted broke")
                .doesNotContain("AbCdEfGhIjKlMnOpQrStUvWxYz012345");
    }

    @Test
    void aDatabaseErrorKeepsItsStateAndMainTextButNotTheRowItQuotes() {
        PSQLException refused = new PSQLException(new ServerErrorMessage("SERROR\u0000C23514\u0000Mnew row violates"
                + " check constraint \"contact_email\"\u0000DFailing row contains (7, ada@example.org, Ada Lovelace).\u0000"));

        String error = QueueWorker.describe(new RuntimeException("could not apply", refused));

        assertThat(error).isEqualTo("23514: new row violates check constraint \"contact_email\"");
    }

    @Test
    void anAddressInAnyOtherErrorIsLeftOut() {
        String error = QueueWorker.describe(new IllegalStateException("550 5.1.1 <ada@example.org>: unknown user"));

        assertThat(error).isEqualTo("550 5.1.1 <<address>>: unknown user").doesNotContain("ada@");
    }
}

package ch.frontdesk.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}

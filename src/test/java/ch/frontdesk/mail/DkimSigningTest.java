package ch.frontdesk.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DKIM signing through the Quarkus mailer's own settings (QUARKUS_MAILER_DKIM_*), checked at a real SMTP server. */
@QuarkusTest
@TestProfile(DkimSigningTest.Signing.class)
class DkimSigningTest extends FrontdeskTest {

    static final int SMTP_PORT = FreePort.forKey("smtp-test-port.dkim");

    public static class Signing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mailer.mock", "false",
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(SMTP_PORT),
                    "quarkus.mailer.start-tls", "DISABLED",
                    "quarkus.mailer.login", "DISABLED",
                    "quarkus.mailer.dkim.enabled", "true",
                    "quarkus.mailer.dkim.sdid", "engineeringprompts.ch",
                    "quarkus.mailer.dkim.selector", "frontdesk2026",
                    "quarkus.mailer.dkim.private-key", testKey());
        }

        /** A throwaway RSA key, PKCS#8 in base64 as the mailer takes it. */
        private static String testKey() {
            try {
                var generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    OutboxSender sender;

    @Test
    void aSentMailCarriesADkimSignatureOfTheSendingDomainAndSelector() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            given().contentType(ContentType.JSON).body(Map.of("email", "ada@example.org", "consent", true))
                    .post("/api/newsletter/subscriptions").then().statusCode(202);
            applySignups();
            assertThat(sender.sendDue()).isEqualTo(1);

            String[] signature = smtp.getReceivedMessages()[0].getHeader("DKIM-Signature");
            assertThat(signature).hasSize(1);
            String tags = signature[0].replaceAll("\\s+", "");
            assertThat(tags).contains("d=engineeringprompts.ch;").contains("s=frontdesk2026;").contains("b=");
        } finally {
            smtp.stop();
        }
    }
}

package ch.frontdesk.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service behind a reverse proxy on this machine, with production's limits: every test client is 127.0.0.1,
 * so a test names the client it plays in {@code X-Forwarded-For}. One profile for all such tests, since each
 * profile costs the suite a build and a start of its own.
 */
public class BehindLocalProxy implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("frontdesk.http.trusted-proxies", "127.0.0.1/32,::1",
                // Low enough to reach in a test; the test profile lifts all of these for every other test.
                "frontdesk.newsletter.signups-per-minute", "2",
                "frontdesk.tickets.max-unpaid-seats-per-network", "30",
                "frontdesk.tickets.max-unpaid-seats-per-buyer", "10");
    }
}

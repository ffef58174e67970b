package ch.frontdesk.common;

import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * Who sent a request, as far as we can tell: the full address is kept in consent records and the audit log, the
 * {@link #rateLimitKey()} keys rate limits. Behind a reverse proxy, list it in {@code frontdesk.http.trusted-proxies}
 * so the address is the client's and not the proxy's (see {@link TrustedProxies}).
 */
public record ClientInfo(String address, String userAgent) {

    private static final int MAX_USER_AGENT = 500;
    /** One IPv6 subscriber usually gets a whole /64, so counting single addresses would not limit anyone. */
    private static final int IPV6_NETWORK_BITS = 64;

    public static ClientInfo of(HttpServerRequest request) {
        // A lookup rather than a parameter: every feature's resources call this with the request alone.
        String address = Arc.container().instance(TrustedProxies.class).get().clientAddress(request);
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new ClientInfo(address, agent);
    }

    /** What rate limits count: the address for IPv4, its /64 network for IPv6. */
    public String rateLimitKey() {
        return rateLimitKey(address);
    }

    /** The rate-limit key of an address; a text that is not an IP address (or is already a key) is its own key. */
    public static String rateLimitKey(String address) {
        if (address == null) {
            return "unknown";
        }
        Optional<byte[]> bytes = AddressRange.literal(address);
        if (bytes.isEmpty()) {
            return address;
        }
        if (bytes.get().length == 4) {
            return AddressRange.text(bytes.get());
        }
        return AddressRange.text(AddressRange.mask(bytes.get(), IPV6_NETWORK_BITS)) + "/" + IPV6_NETWORK_BITS;
    }
}

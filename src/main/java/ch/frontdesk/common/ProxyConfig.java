package ch.frontdesk.common;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** Which reverse proxies in front of Frontdesk may tell us the client's address. */
@ConfigMapping(prefix = "frontdesk.http")
public interface ProxyConfig {

    /**
     * Addresses and CIDR blocks of the proxies whose {@code X-Forwarded-For} we believe
     * (FRONTDESK_HTTP_TRUSTED_PROXIES, comma-separated, e.g. {@code 10.0.0.0/8,::1}). None by default: without a
     * proxy anyone can write that header, so the socket's address is the client.
     */
    Optional<List<String>> trustedProxies();
}

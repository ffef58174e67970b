package ch.frontdesk.common;

import io.quarkus.arc.Unremovable;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the client's address behind our own reverse proxies. {@code X-Forwarded-For} is read only when the socket's
 * peer is a trusted proxy, and from the right: each proxy appends the address it saw, so the rightmost entry that is
 * not one of ours is the first address we did not write ourselves. Entries further left are whatever the client sent.
 */
// Unremovable: ClientInfo.of looks it up by type, which ArC cannot see at build time.
@Unremovable
@ApplicationScoped
public class TrustedProxies {

    private final List<AddressRange> proxies;

    @Inject
    TrustedProxies(ProxyConfig config) {
        this(config.trustedProxies().orElse(List.of()).stream()
                .filter(entry -> !entry.isBlank())
                .map(AddressRange::parse)
                .toList());
    }

    TrustedProxies(List<AddressRange> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    public String clientAddress(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().host();
        return clientAddress(peer, request.headers().getAll("X-Forwarded-For"));
    }

    /** The client's address given the socket's peer and every {@code X-Forwarded-For} header, in order. */
    String clientAddress(String peer, List<String> forwardedFor) {
        Optional<byte[]> peerBytes = AddressRange.literal(peer);
        if (peerBytes.isEmpty()) {
            return peer == null ? "unknown" : peer;
        }
        byte[] client = peerBytes.get();
        List<String> hops = hops(forwardedFor);
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<byte[]> hop = AddressRange.literal(hops.get(i));
            if (hop.isEmpty()) {
                // A trusted proxy never writes garbage, so this came from further out: the last proxy is the client.
                break;
            }
            client = hop.get();
        }
        return AddressRange.text(client);
    }

    private boolean isTrusted(byte[] address) {
        for (AddressRange proxy : proxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> hops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }
}

package ch.frontdesk.common;

import io.vertx.core.http.HttpServerRequest;

/**
 * Who sent a request, as far as we can tell: kept in consent records and used to key rate limits.
 * Behind a reverse proxy, enable Quarkus' proxy address forwarding so the address is the client's.
 */
public record ClientInfo(String address, String userAgent) {

    private static final int MAX_USER_AGENT = 500;

    public static ClientInfo of(HttpServerRequest request) {
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new ClientInfo(address, agent);
    }
}

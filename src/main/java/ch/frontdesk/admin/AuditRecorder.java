package ch.frontdesk.admin;

import ch.frontdesk.common.ClientInfo;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes an audit entry for every successful state-changing request to the admin API, whichever resource served
 * it, so that a new admin endpoint cannot be forgotten. The action is the method and path template
 * ({@code POST /api/admin/orders/{id}/mark-paid}); the target is what the resource named in {@link AuditTrail},
 * else the request path.
 */
public class AuditRecorder {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();

    private final AuditLog log;
    private final AuditTrail trail;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    AuditRecorder(AuditLog log, AuditTrail trail, SecurityIdentity identity, CurrentVertxRequest request) {
        this.log = log;
        this.trail = trail;
        this.identity = identity;
        this.request = request;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext requestContext, ContainerResponseContext response, ResourceInfo resource) {
        String method = requestContext.getMethod();
        String path = "/" + requestContext.getUriInfo().getPath().replaceFirst("^/+", "");
        if (!CHANGES.contains(method) || !AdminPaths.isApi(path) || response.getStatus() >= 300
                || resource.getResourceMethod() == null || identity.isAnonymous()) {
            return;
        }
        String action = method + " " + TEMPLATES.computeIfAbsent(resource.getResourceMethod(),
                m -> template(resource.getResourceClass(), m));
        String target = trail.target().orElse(path.substring(AdminPaths.API.length()).replaceFirst("^/", ""));
        String client = ClientInfo.of(request.getCurrent().request()).address();
        log.record(identity.getPrincipal().getName(), action, target, client);
    }

    private static String template(Class<?> type, Method method) {
        Path classPath = type.getAnnotation(Path.class);
        Path methodPath = method.getAnnotation(Path.class);
        String joined = (classPath == null ? "" : classPath.value()) + "/" + (methodPath == null ? "" : methodPath.value());
        return joined.replaceAll("/+", "/").replaceAll("(.)/$", "$1");
    }
}

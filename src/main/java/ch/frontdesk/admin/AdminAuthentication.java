package ch.frontdesk.admin;

import ch.frontdesk.common.ClientInfo;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The two ways into the admin side. HTTP Basic, for scripts, is read on {@code /api/admin} only, so no public
 * request ever costs a bcrypt check because it carried an {@code Authorization} header. The dashboard's session
 * cookie is read on {@code /api/admin} and {@code /admin}. Everywhere else a request stays anonymous.
 */
@ApplicationScoped
public class AdminAuthentication implements HttpAuthenticationMechanism {

    /** The identity attribute that holds a session's CSRF token; absent for HTTP Basic. */
    public static final String CSRF_ATTRIBUTE = "csrf";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String path = context.normalizedPath();
        boolean api = AdminPaths.isApi(path);
        String authorization = context.request().getHeader("Authorization");
        if (api && authorization != null) {
            // A request that names its credentials is judged by them alone, never by a cookie it also carries:
            // the CSRF check (AdminEdge) lets requests with credentials through.
            if (!AdminPaths.isBasic(authorization)) {
                return Uni.createFrom().optional(java.util.Optional.empty());
            }
            String client = ClientInfo.of(context.request()).address();
            return identities.authenticate(BasicLogin.parse(authorization.substring(6).strip(), client));
        }
        if (api || AdminPaths.isPage(path)) {
            Cookie cookie = context.request().getCookie(AdminSessions.COOKIE);
            if (cookie != null && !cookie.getValue().isBlank()) {
                return identities.authenticate(new SessionLogin(cookie.getValue()));
            }
        }
        return Uni.createFrom().optional(java.util.Optional.empty());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Basic realm=\"Frontdesk\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(BasicLogin.class, SessionLogin.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "basic"));
    }

    /** Username and password from an {@code Authorization: Basic} header. */
    static final class BasicLogin extends BaseAuthenticationRequest {
        final String username;
        final String password;
        final String clientAddress;

        private BasicLogin(String username, String password, String clientAddress) {
            this.username = username;
            this.password = password;
            this.clientAddress = clientAddress;
        }

        static BasicLogin parse(String encoded, String clientAddress) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            return colon < 0 ? new BasicLogin(decoded, "", clientAddress)
                    : new BasicLogin(decoded.substring(0, colon), decoded.substring(colon + 1), clientAddress);
        }
    }

    /** The token of a dashboard session cookie. */
    static final class SessionLogin extends BaseAuthenticationRequest {
        final String token;

        SessionLogin(String token) {
            this.token = token;
        }
    }

    @ApplicationScoped
    static class BasicLoginProvider implements IdentityProvider<BasicLogin> {

        private final LoginCheck logins;

        BasicLoginProvider(LoginCheck logins) {
            this.logins = logins;
        }

        @Override
        public Class<BasicLogin> getRequestType() {
            return BasicLogin.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(BasicLogin request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> {
                LoginCheck.Account account = logins.verify(request.username, request.password, request.clientAddress);
                return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(account.username()))
                        .addRoles(account.roles()).build();
            });
        }
    }

    @ApplicationScoped
    static class SessionLoginProvider implements IdentityProvider<SessionLogin> {

        private final AdminSessions sessions;

        SessionLoginProvider(AdminSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public Class<SessionLogin> getRequestType() {
            return SessionLogin.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionLogin request, AuthenticationRequestContext context) {
            // An unknown or ended session is simply no identity: the page then asks for a login.
            return context.runBlocking(() -> sessions.find(request.token)
                    .map(session -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(session.username()))
                            .addRoles(session.roles())
                            .addAttribute(CSRF_ATTRIBUTE, session.csrfToken())
                            .build())
                    .orElse(null));
        }
    }
}

package ch.frontdesk.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every admin route, read from the OpenAPI document so that a new one cannot be forgotten: closed without
 * credentials, and closed to door staff except for check-in.
 */
@QuarkusTest
class AdminRoutesTest extends FrontdeskTest {

    /** What role {@code checkin} may do: let people in at the door, and see how the door is doing. */
    private static final Set<String> DOOR = Set.of(
            "POST /api/admin/checkin",
            "GET /api/admin/events/{slug}/checkin-stats",
            "GET /admin/checkin");

    @Inject
    AdminAccounts accounts;

    @BeforeEach
    void doorStaff() {
        QuarkusTransaction.requiringNew().run(() -> accounts.create("door", "door-password-1", Set.of("checkin")));
    }

    @Test
    void everyAdminApiRouteIsClosedWithoutCredentialsAndToDoorStaff() {
        List<Route> routes = routes("/api/admin");
        assertThat(routes).as("the OpenAPI document lists the admin API").hasSizeGreaterThan(20);
        List<String> failures = new ArrayList<>();
        for (Route route : routes) {
            int anonymous = route.call(given()).statusCode();
            if (anonymous != 401) {
                failures.add(route + " without credentials answered " + anonymous);
            }
            int door = route.call(given().auth().preemptive().basic("door", "door-password-1")).statusCode();
            boolean allowed = DOOR.contains(route.toString());
            if (allowed ? (door == 401 || door == 403) : door != 403) {
                failures.add(route + " for role checkin answered " + door);
            }
            int admin = route.call(given().auth().preemptive().basic("admin", "test-admin-password")).statusCode();
            if (admin == 401 || admin == 403 || admin >= 500) {
                failures.add(route + " for role admin answered " + admin);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyDashboardPageSendsStrangersToTheLoginAndDoorStaffOnlyToCheckIn() {
        List<Route> pages = routes("/admin").stream()
                .filter(route -> route.method.equals("GET") && !route.path.equals("/admin/login")).toList();
        List<String> failures = new ArrayList<>();
        for (Route page : pages) {
            Response stranger = page.call(given().redirects().follow(false));
            if (stranger.statusCode() != 303 || !stranger.header("Location").endsWith("/admin/login")) {
                failures.add(page + " without a session answered " + stranger.statusCode());
            }
        }
        assertThat(failures).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Route> routes(String prefix) {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<Route> routes = new ArrayList<>();
        paths.forEach((path, operations) -> {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                for (String method : operations.keySet()) {
                    if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                        routes.add(new Route(method.toUpperCase(), path));
                    }
                }
            }
        });
        return routes;
    }

    private record Route(String method, String path) {

        Response call(RequestSpecification request) {
            // Placeholder values: access is decided before the record is looked up.
            String concrete = path.replaceAll("\\{email}", "nobody@example.org").replaceAll("\\{[^}]+}", "x");
            RequestSpecification spec = request.contentType(ContentType.JSON);
            if (!method.equals("GET") && !method.equals("DELETE")) {
                spec = spec.body("{}");
            }
            return spec.request(method, concrete);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}

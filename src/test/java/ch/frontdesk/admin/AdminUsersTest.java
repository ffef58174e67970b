package ch.frontdesk.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminUsersTest extends FrontdeskTest {

    private static final String PASSWORD = "a-long-enough-password";

    private static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password).contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return as("admin", "test-admin-password");
    }

    private static Map<String, Object> user(String username, String password, List<String> roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("roles", roles);
        return body;
    }

    private static void create(String username, List<String> roles) {
        admin().body(user(username, PASSWORD, roles)).post("/api/admin/users").then().statusCode(201);
    }

    /** Other tests expect the first admin as the configuration made it, whatever a failed test here left. */
    @AfterEach
    void restoreTheFirstAdmin() {
        database.clear();
        database.count("with u as (update app_user set roles = 'admin' where username = 'admin' returning 1) "
                + "select count(*) from u");
    }

    @Test
    void anAdminCreatesReadsListsChangesAndDeletesAnAccount() {
        admin().body(user("Door.Staff", PASSWORD, List.of("checkin"))).post("/api/admin/users").then()
                .statusCode(201)
                .header("Location", endsWith("/api/admin/users/door.staff"))
                .body("username", equalTo("door.staff"))
                .body("roles", contains("checkin"))
                .body("createdAt", equalTo(clock.instant().toString()))
                .body("lockedUntil", nullValue())
                .body("$", not(hasKey("password")))
                .body("$", not(hasKey("passwordHash")));
        assertThat((String) database.single("select password_hash from app_user where username = 'door.staff'"))
                .startsWith("$2").doesNotContain(PASSWORD);

        admin().get("/api/admin/users").then().statusCode(200)
                .body("username", contains("admin", "door.staff"))
                .body("[1].roles", contains("checkin"));
        admin().get("/api/admin/users/DOOR.staff").then().statusCode(200).body("username", equalTo("door.staff"));

        admin().body(Map.of("roles", List.of("checkin", "admin"))).put("/api/admin/users/door.staff").then()
                .statusCode(200).body("roles", contains("admin", "checkin"));
        admin().get("/api/admin/users/door.staff").then().body("roles", contains("admin", "checkin"));

        admin().body(Map.of()).delete("/api/admin/users/door.staff").then().statusCode(204);
        admin().get("/api/admin/users/door.staff").then().statusCode(404);
        admin().body(Map.of()).delete("/api/admin/users/door.staff").then().statusCode(404);
        admin().body(Map.of("roles", List.of("admin"))).put("/api/admin/users/nobody").then().statusCode(404);
    }

    @Test
    void badAccountsAreRefusedNamingTheFieldAndNothingIsStored() {
        admin().body(user("x", PASSWORD, List.of("admin"))).post("/api/admin/users").then().statusCode(400)
                .body("errors.field", contains("username"));
        admin().body(user("-starts-with-dash", PASSWORD, List.of("admin"))).post("/api/admin/users").then()
                .statusCode(400).body("errors.field", contains("username"));
        admin().body(user("has space", PASSWORD, List.of("admin"))).post("/api/admin/users").then()
                .statusCode(400).body("errors.field", contains("username"));
        admin().body(user("shorty", "eleven-char", List.of("admin"))).post("/api/admin/users").then()
                .statusCode(400).body("errors.field", contains("password"));
        admin().body(user("toolong", "x".repeat(73), List.of("admin"))).post("/api/admin/users").then()
                .statusCode(400).body("errors.field", contains("password"));
        admin().body(user("noroles", PASSWORD, List.of())).post("/api/admin/users").then()
                .statusCode(400).body("errors.field", contains("roles"));
        admin().body(user("norolesatall", PASSWORD, null)).post("/api/admin/users").then()
                .statusCode(400).body("errors.field", contains("roles"));
        admin().body(user("superuser", PASSWORD, List.of("admin", "root"))).post("/api/admin/users").then()
                .statusCode(400).body("errors.field", contains("roles"));
        assertThat(database.count("select count(*) from app_user")).isEqualTo(1);

        create("door", List.of("checkin"));
        admin().body(Map.of("password", "too-short")).put("/api/admin/users/door").then().statusCode(400)
                .body("errors.field", contains("password"));
        admin().body(Map.of("roles", List.of())).put("/api/admin/users/door").then().statusCode(400)
                .body("errors.field", contains("roles"));
        admin().body(Map.of("roles", List.of("owner"))).put("/api/admin/users/door").then().statusCode(400)
                .body("errors.field", contains("roles"));
        admin().get("/api/admin/users/door").then().body("roles", contains("checkin"));
    }

    @Test
    void aUsernameTakenInAnyCaseIs409() {
        create("door", List.of("checkin"));
        admin().body(user("DOOR", PASSWORD, List.of("admin"))).post("/api/admin/users").then().statusCode(409)
                .body("type", endsWith("duplicate"));
        admin().body(user("Admin", PASSWORD, List.of("admin"))).post("/api/admin/users").then().statusCode(409);
        assertThat(database.count("select count(*) from app_user")).isEqualTo(2);
    }

    @Test
    void theLastAdminCanNeitherBeDeletedNorDemotedUntilThereIsAnother() {
        admin().body(Map.of()).delete("/api/admin/users/admin").then().statusCode(409)
                .body("type", endsWith("last-admin"));
        admin().body(Map.of("roles", List.of("checkin"))).put("/api/admin/users/admin").then().statusCode(409)
                .body("type", endsWith("last-admin"));
        admin().get("/api/admin/users/admin").then().statusCode(200).body("roles", contains("admin"));

        create("second", List.of("admin"));
        admin().body(Map.of("roles", List.of("admin", "checkin"))).put("/api/admin/users/admin").then()
                .statusCode(200);
        as("second", PASSWORD).body(Map.of("roles", List.of("checkin"))).put("/api/admin/users/admin").then()
                .statusCode(200).body("roles", contains("checkin"));
        // Now "second" is the last admin: it cannot step down, and "admin" may no longer manage accounts.
        as("second", PASSWORD).body(Map.of("roles", List.of("checkin"))).put("/api/admin/users/second").then()
                .statusCode(409);
        admin().get("/api/admin/users").then().statusCode(403);

        as("second", PASSWORD).body(Map.of("roles", List.of("admin"))).put("/api/admin/users/admin").then()
                .statusCode(200);
        admin().body(Map.of()).delete("/api/admin/users/second").then().statusCode(204);
        admin().body(Map.of()).delete("/api/admin/users/admin").then().statusCode(409);
    }

    @Test
    void twoAdminsSteppingDownAtOnceLeaveOneAdmin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                create("second", List.of("admin"));
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Integer> first = pool.submit(() -> {
                    start.await();
                    return admin().body(Map.of("roles", List.of("checkin"))).put("/api/admin/users/admin")
                            .then().extract().statusCode();
                });
                Future<Integer> second = pool.submit(() -> {
                    start.await();
                    return as("second", PASSWORD).body(Map.of("roles", List.of("checkin")))
                            .put("/api/admin/users/second").then().extract().statusCode();
                });
                assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
                assertThat(database.count("select count(*) from app_user where roles like '%admin%'")).isEqualTo(1);
                restoreTheFirstAdmin();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewPasswordLetsInAndTheOldOneNoLonger() {
        create("ops", List.of("admin"));
        as("ops", PASSWORD).get("/api/admin/users/ops").then().statusCode(200);

        admin().body(Map.of("password", "the-rotated-password")).put("/api/admin/users/ops").then()
                .statusCode(200).body("roles", contains("admin"));
        as("ops", PASSWORD).get("/api/admin/users/ops").then().statusCode(401);
        as("ops", "the-rotated-password").get("/api/admin/users/ops").then().statusCode(200);
    }

    @Test
    void changingOrDeletingAnAccountEndsItsDashboardSessions() {
        create("ops", List.of("admin"));
        long id = database.count("select id from app_user where username = 'ops'");
        session("a", id);
        admin().body(Map.of("password", "the-rotated-password")).put("/api/admin/users/ops").then().statusCode(200);
        assertThat(database.count("select count(*) from admin_session")).isZero();

        session("b", id);
        admin().body(Map.of("roles", List.of("checkin"))).put("/api/admin/users/ops").then().statusCode(200);
        assertThat(database.count("select count(*) from admin_session")).isZero();

        session("c", id);
        long adminId = database.count("select id from app_user where username = 'admin'");
        session("mine", adminId);
        admin().body(Map.of()).delete("/api/admin/users/ops").then().statusCode(204);
        assertThat(database.count("select count(*) from admin_session where user_id = ?1", id)).isZero();
        assertThat(database.count("select count(*) from admin_session where user_id = ?1", adminId)).isEqualTo(1);
    }

    @Test
    void theCheckInRoleCannotManageAccounts() {
        create("door", List.of("checkin"));
        as("door", PASSWORD).get("/api/admin/users").then().statusCode(403);
        as("door", PASSWORD).get("/api/admin/users/door").then().statusCode(403);
        as("door", PASSWORD).body(user("sneaky", PASSWORD, List.of("admin"))).post("/api/admin/users").then()
                .statusCode(403);
        as("door", PASSWORD).body(Map.of("roles", List.of("admin"))).put("/api/admin/users/door").then()
                .statusCode(403);
        given().get("/api/admin/users").then().statusCode(401);
        assertThat(database.count("select count(*) from app_user where username = 'sneaky'")).isZero();
    }

    @Test
    void fiveFailuresWithinFifteenMinutesLockTheAccountUntilAnAdminUnlocksIt() {
        create("door", List.of("checkin"));
        Instant now = clock.instant();
        // An old failure is outside the window and does not count.
        failure("door", now.minus(Duration.ofMinutes(20)));
        for (int minutesAgo : new int[] {14, 10, 6, 3}) {
            failure("DOOR", now.minus(Duration.ofMinutes(minutesAgo)));
        }
        failure("someone-else", now);
        admin().get("/api/admin/users/door").then().statusCode(200).body("lockedUntil", nullValue());

        failure("door", now.minus(Duration.ofMinutes(1)));
        Instant until = now.minus(Duration.ofMinutes(1)).plus(Duration.ofMinutes(15));
        admin().get("/api/admin/users/door").then().body("lockedUntil", equalTo(until.toString()));
        admin().get("/api/admin/users").then()
                .body("find { it.username == 'door' }.lockedUntil", equalTo(until.toString()))
                .body("find { it.username == 'admin' }.lockedUntil", nullValue());

        // The window slides: once the oldest of the five is over fifteen minutes old, four remain.
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        admin().get("/api/admin/users/door").then().body("lockedUntil", nullValue());
        clock.reset();

        admin().body(Map.of()).post("/api/admin/users/door/unlock").then().statusCode(200)
                .body("username", equalTo("door"))
                .body("lockedUntil", nullValue());
        assertThat(database.count("select count(*) from login_failure where username_key = 'door'")).isZero();
        assertThat(database.count("select count(*) from login_failure")).isEqualTo(1);
        admin().body(Map.of()).post("/api/admin/users/nobody/unlock").then().statusCode(404);
    }

    private void failure(String username, Instant at) {
        database.count("with f as (insert into login_failure (username_key, client_address, failed_at) "
                + "values (lower(?1), '127.0.0.1', ?2) returning 1) select count(*) from f", username, at);
    }

    private void session(String token, long userId) {
        database.count("with s as (insert into admin_session (token_hash, user_id, created_at, last_seen_at) "
                + "values (?1, ?2, now(), now()) returning 1) select count(*) from s", token, userId);
    }
}

package ch.frontdesk.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Guessing passwords gets slow: per username the account locks, per client address the address waits. */
@QuarkusTest
class LoginThrottleTest extends FrontdeskTest {

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOneThenItOpensAgain() {
        for (int i = 0; i < 5; i++) {
            form("admin", "wrong-" + i).then().statusCode(401);
        }
        form("admin", "test-admin-password").then().statusCode(429)
                .header("Retry-After", "900").body(containsString("locked"));
        given().auth().preemptive().basic("admin", "test-admin-password").get("/api/admin/outbox")
                .then().statusCode(429).header("Retry-After", "900");

        assertThat(database.count("select count(*) from audit_entry where action = 'login.locked' and target = 'user:admin'"))
                .isEqualTo(1);

        clock.advance(Duration.ofMinutes(15));
        form("admin", "test-admin-password").then().statusCode(303);
        assertThat(database.count("select count(*) from login_failure where username_key = 'admin'"))
                .as("a successful login forgets the failures").isZero();
    }

    @Test
    void wrongBasicCredentialsCountTowardsTheSameLock() {
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic("Admin", "wrong-" + i).get("/api/admin/outbox").then().statusCode(401);
        }
        form("admin", "test-admin-password").then().statusCode(429);
    }

    @Test
    void anUnknownUsernameIsAnsweredAndLockedExactlyLikeAKnownOne() {
        for (int i = 0; i < 5; i++) {
            form("nobody", "wrong-" + i).then().statusCode(401).body(containsString("Wrong username or password"));
        }
        form("nobody", "anything").then().statusCode(429).header("Retry-After", "900");
    }

    @Test
    void whatAStrangerTypesAsUsernameNeverReachesTheAuditLog() {
        for (int i = 0; i < 5; i++) {
            form("ada@example.org", "wrong-" + i).then().statusCode(401);
        }
        form("ada@example.org", "anything").then().statusCode(429);
        assertThat(database.single("select target from audit_entry where action = 'login.locked'")).isEqualTo("user:unknown");
        assertThat(database.count("select count(*) from audit_entry where target like '%ada%' or actor like '%ada%'")).isZero();
    }

    @Test
    void aBurstOfParallelGuessesGetsNoMoreTriesThanTheLockAllows() throws Exception {
        int attempts = 12;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String password = "wrong-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return form("admin", password).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(attempts - 5);
        assertThat(database.count("select count(*) from audit_entry where action = 'login.locked'")).isEqualTo(1);
    }

    @Test
    void oneAddressTryingManyUsernamesMustWait() {
        for (int i = 0; i < 20; i++) {
            form("user" + i, "wrong").then().statusCode(401);
        }
        form("admin", "test-admin-password").then().statusCode(429).header("Retry-After", "900");
        clock.advance(Duration.ofMinutes(15));
        form("admin", "test-admin-password").then().statusCode(303);
    }

    @Test
    void aPublicRequestWithAnAuthorizationHeaderIsNeverAPasswordCheck() {
        given().auth().preemptive().basic("admin", "wrong").contentType(ContentType.JSON)
                .body("{\"email\": \"ada@example.org\", \"consent\": true}")
                .post("/api/newsletter/subscriptions").then().statusCode(202);
        assertThat(database.count("select count(*) from login_failure")).isZero();
    }

    private static Response form(String username, String password) {
        return given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", username).formParam("password", password).post("/admin/login");
    }
}

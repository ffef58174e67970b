package ch.frontdesk.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.frontdesk.testing.FrontdeskTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest extends FrontdeskTest {

    /** Stands for a feature whose change fails after it queued a mail. */
    @ApplicationScoped
    static class FailingChange {
        @Inject
        Outbox outbox;

        @Transactional
        void queueThenFail(OutgoingMail mail) {
            outbox.enqueue(mail);
            throw new IllegalStateException("the change is rolled back");
        }

        @Transactional
        void queue(OutgoingMail mail) {
            outbox.enqueue(mail);
        }
    }

    @Inject
    FailingChange change;
    @Inject
    OutboxSender sender;

    private static OutgoingMail mail(String to) {
        return new OutgoingMail("test.note", null, to, "A note", "plain words", "<p>html words</p>",
                Map.of("X-Frontdesk-Test", "yes"));
    }

    @Test
    void aMailQueuedInAChangeThatRollsBackIsNeverSent() {
        assertThatThrownBy(() -> change.queueThenFail(mail("nobody@example.org")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(database.count("select count(*) from outbox_message")).isZero();
        assertThat(sender.sendDue()).isZero();
        assertThat(mailbox.getTotalMessagesSent()).isZero();
    }

    @Test
    void aQueuedMailIsSentOnceWithBothPartsAndItsHeaders() {
        change.queue(mail("ada@example.org"));

        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(sender.sendDue()).isZero();

        var sent = mailbox.getMailsSentTo("ada@example.org");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getText()).isEqualTo("plain words");
        assertThat(sent.get(0).getHtml()).isEqualTo("<p>html words</p>");
        assertThat(sent.get(0).getHeaders().get("X-Frontdesk-Test")).containsExactly("yes");
        assertThat(database.single("select status from outbox_message")).isEqualTo("sent");
        assertThat(database.count("select count(*) from outbox_message where sent_at = ?1", clock.instant()))
                .isEqualTo(1);
    }

    @Test
    void theAdminListsMessagesByStatus() {
        change.queue(mail("one@example.org"));
        sender.sendDue();
        change.queue(mail("two@example.org"));

        given().auth().preemptive().basic("admin", "test-admin-password")
                .get("/api/admin/outbox?status=pending")
                .then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].recipient", org.hamcrest.Matchers.equalTo("two@example.org"))
                .body("items[0].status", org.hamcrest.Matchers.equalTo("pending"));
        given().auth().preemptive().basic("admin", "test-admin-password")
                .get("/api/admin/outbox")
                .then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(2))
                .body("page", org.hamcrest.Matchers.equalTo(0));
        given().auth().preemptive().basic("admin", "test-admin-password")
                .get("/api/admin/outbox?status=lost")
                .then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("status"));
    }

    @Test
    void aSentMessageCannotBeRetriedAndAnUnknownOneIs404() {
        change.queue(mail("one@example.org"));
        sender.sendDue();
        long id = database.count("select id from outbox_message");

        given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON)
                .post("/api/admin/outbox/" + id + "/retry").then().statusCode(409);
        given().auth().preemptive().basic("admin", "test-admin-password").contentType(ContentType.JSON)
                .post("/api/admin/outbox/999999/retry").then().statusCode(404);
    }
}

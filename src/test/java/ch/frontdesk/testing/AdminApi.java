package ch.frontdesk.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests as the test admin, over HTTP Basic. */
public final class AdminApi {

    private AdminApi() {
    }

    public static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "test-admin-password");
    }
}

package ch.frontdesk.testing;

import static io.restassured.RestAssured.given;

import ch.frontdesk.admin.AdminSessions;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Logs in through the dashboard's form, as a browser would, and makes requests with that session. */
public record AdminLogin(String sessionToken) {

    public static AdminLogin as(String username, String password) {
        String token = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", username).formParam("password", password)
                .post("/admin/login")
                .then().statusCode(303)
                .extract().cookie(AdminSessions.COOKIE);
        return new AdminLogin(token);
    }

    public static AdminLogin admin() {
        return as("admin", "test-admin-password");
    }

    public String csrf() {
        return AdminSessions.csrfToken(sessionToken);
    }

    /** A request with the session cookie only: what a cross-site form could make a browser send. */
    public RequestSpecification cookieOnly() {
        return given().redirects().follow(false).cookie(AdminSessions.COOKIE, sessionToken);
    }

    /** A request as the dashboard's own script makes it: cookie, CSRF header, JSON. */
    public RequestSpecification dashboard() {
        return cookieOnly().header("X-CSRF-Token", csrf()).contentType(ContentType.JSON);
    }
}

package ch.frontdesk.admin;

/**
 * What the dashboard layout needs on every page: the title, which menu entry is current, who is signed in, whether
 * they see the admin menu, and the session's CSRF token for the script's state-changing calls.
 */
public record DashboardPage(String title, String nav, String user, boolean admin, String csrf) {
}

package ch.frontdesk.admin;

/** Which requests belong to the admin side: the admin API and the dashboard's pages. */
public final class AdminPaths {

    public static final String API = "/api/admin";
    public static final String PAGES = "/admin";
    public static final String LOGIN = "/admin/login";
    public static final String LOGOUT = "/admin/logout";

    private AdminPaths() {
    }

    public static boolean isApi(String path) {
        return path.equals(API) || path.startsWith(API + "/");
    }

    public static boolean isPage(String path) {
        return path.equals(PAGES) || path.startsWith(PAGES + "/");
    }

    public static boolean isAdmin(String path) {
        return isApi(path) || isPage(path);
    }
}

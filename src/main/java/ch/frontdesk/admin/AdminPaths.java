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

    /** Whether an {@code Authorization} header offers HTTP Basic credentials. */
    public static boolean isBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    public static boolean isAdmin(String path) {
        return isApi(path) || isPage(path);
    }
}

package ch.frontdesk.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Tells browsers (which ask for HTML first) from API clients (JSON, or anything). */
public final class Negotiation {

    private Negotiation() {
    }

    /** True when the client's first explicit preference is HTML, as a browser submitting a form sends. */
    public static boolean prefersHtml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}

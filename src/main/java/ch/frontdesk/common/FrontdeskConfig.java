package ch.frontdesk.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings shared by every feature. */
@ConfigMapping(prefix = "frontdesk")
public interface FrontdeskConfig {

    /** Base of every link in emails (FRONTDESK_PUBLIC_URL), without a trailing slash; https in production. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** The public URL with any trailing slash removed, ready to append a path to. */
    default String link(String pathAndQuery) {
        String base = publicUrl();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + pathAndQuery;
    }
}

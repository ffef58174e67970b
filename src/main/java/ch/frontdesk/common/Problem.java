package ch.frontdesk.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error answer. Extension members (such as the time of a
 * first check-in) are written beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are relative URIs under /problems/, so the last segment names the kind of failure. */
    public static String type(String slug) {
        return "/problems/" + slug;
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(type(slug), title, status, detail, null, null);
    }

    /** Extension members never replace a standard member. */
    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        if (extensions == null) {
            return Map.of();
        }
        Map<String, Object> members = new java.util.LinkedHashMap<>(extensions);
        members.keySet().removeAll(java.util.Set.of("type", "title", "status", "detail", "errors", "instance"));
        return members;
    }
}

package ch.frontdesk.web;

import ch.frontdesk.common.Language;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /embed/demo}: the embeddable forms pasted into a page as an organiser would paste them into their own site,
 * to try them (and for the browser test, which opens it from a second origin). The script and the style sheet
 * themselves are static files under {@code META-INF/resources/embed/}.
 */
@Path("/embed")
@Tag(name = "Embeddable forms", description = "Forms to paste into another site, and their optional script")
public class EmbedResource {

    @CheckedTemplate(basePath = "web/embed")
    static class Templates {
        static native TemplateInstance demo(List<EmbedSnippets.Snippet> snippets, String assets, String publicOrigin);
    }

    private final EmbedSnippets snippets;

    EmbedResource(EmbedSnippets snippets) {
        this.snippets = snippets;
    }

    @GET
    @Path("/demo")
    @Operation(summary = "A page that uses the English snippets as another site would (its CSP allows the public URL).")
    public Response demo() {
        String html = Templates.demo(snippets.snippets(Language.EN), snippets.assets(), snippets.publicOrigin())
                .setLocale(Language.EN.locale()).render();
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}

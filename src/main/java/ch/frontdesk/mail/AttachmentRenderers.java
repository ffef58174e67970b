package ch.frontdesk.mail;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link AttachmentRenderer}s there are, by name. Two with one name fail the startup; a mail that names none
 * fails where it is queued (a bug in the feature, seen by its first test), and one already queued under a name no
 * renderer has any more fails its send attempts, then lies dead in the outbox for the admin.
 */
@Startup // made at startup, so two renderers with one name stop the service before it sends anything
@Singleton
public class AttachmentRenderers {

    private final Map<String, AttachmentRenderer> byName = new HashMap<>();

    AttachmentRenderers(@Any Instance<AttachmentRenderer> renderers) {
        for (AttachmentRenderer renderer : renderers) {
            AttachmentRenderer other = byName.putIfAbsent(renderer.name(), renderer);
            if (other != null) {
                throw new IllegalStateException("Two attachment renderers are named " + renderer.name() + ": "
                        + other.getClass().getName() + " and " + renderer.getClass().getName());
            }
        }
    }

    /** Whether a renderer has that name. */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The renderer of that name; an {@link IllegalStateException} naming it when there is none. */
    public AttachmentRenderer named(String name) {
        AttachmentRenderer renderer = byName.get(name);
        if (renderer == null) {
            throw new IllegalStateException("No attachment renderer is named " + name + "; there are " +
                    byName.keySet());
        }
        return renderer;
    }
}

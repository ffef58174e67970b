package ch.frontdesk.mail;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A renderer for the outbox's own tests: the file is {@code rendered: <spec>}, unless the spec asks it to fail (or it
 * is told to fail everything), and it counts its calls.
 */
@Singleton
public class TestRenderer implements AttachmentRenderer {

    static final String NAME = "test-echo";

    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean broken;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] render(String spec) {
        calls.incrementAndGet();
        if (broken || spec.contains("\"fail\"")) {
            throw new IllegalStateException("the test renderer was told to fail");
        }
        return ("rendered: " + spec).getBytes(StandardCharsets.UTF_8);
    }

    void reset() {
        calls.set(0);
        broken = false;
    }

    void breakDown(boolean broken) {
        this.broken = broken;
    }

    int calls() {
        return calls.get();
    }
}

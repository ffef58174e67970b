package ch.frontdesk.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The clock every test runs on: it stands still until a test moves it. */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends Clock {

    public static final Instant START = Instant.parse("2026-01-15T09:00:00Z");

    private volatile Instant now = START;

    public void reset() {
        now = START;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}

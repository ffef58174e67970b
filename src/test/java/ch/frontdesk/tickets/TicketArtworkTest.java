package ch.frontdesk.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calendar file, without Quarkus: RFC 5545 line folding at 75 octets, whatever the characters. */
class TicketArtworkTest {

    private static Event event(String name, String venue) {
        Event event = new Event();
        event.slug = "summit-2027";
        event.name = name;
        event.venue = venue;
        event.startsOn = LocalDate.of(2027, 2, 9);
        event.endsOn = LocalDate.of(2027, 2, 11);
        event.timezone = "Europe/Zurich";
        return event;
    }

    private static String ics(Event event) {
        return new String(TicketArtwork.ics(event, "ticket-1-summit-2027@frontdesk",
                Instant.parse("2026-01-15T09:00:00Z")), StandardCharsets.UTF_8);
    }

    /** Content lines as a calendar reader sees them, after unfolding CRLF + space. */
    private static String unfolded(String ics, String property) {
        String joined = ics.replace("\r\n ", "");
        return Arrays.stream(joined.split("\r\n")).filter(l -> l.startsWith(property + ":")).findFirst().orElseThrow();
    }

    @Test
    void everyPhysicalLineIsAtMost75OctetsAndEndsWithCrlf() {
        String ics = ics(event("AMLD Intelligence Summit 2027 — the long edition name that needs folding, "
                + "with commas; and semicolons", "EPFL campus, SwissTech Convention Center, Route Louis-Favre 2, "
                + "1024 Ecublens, Lausanne, Switzerland"));
        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        List<String> lines = Arrays.asList(ics.split("\r\n"));
        assertThat(lines).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
        assertThat(lines.stream().filter(l -> l.startsWith(" ")).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void foldingNeverSplitsAMultiByteCharacterAndUnfoldsToTheOriginal() {
        // 3-byte and 4-byte UTF-8 characters, placed so that a byte-count fold would land inside one.
        String name = "Zürich ☃ summit " + "é".repeat(30) + " 🎟🎟🎟 " + "日本語".repeat(10);
        String ics = ics(event(name, "Lausanne"));
        for (String line : ics.split("\r\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).isLessThanOrEqualTo(75);
            // Decoding each physical line alone loses nothing: no character was cut in two.
            assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\uFFFD");
        }
        assertThat(unfolded(ics, "SUMMARY")).isEqualTo("SUMMARY:" + name);
    }

    @Test
    void aShortLineIsLeftAlone() {
        String ics = ics(event("Summit", "EPFL"));
        assertThat(ics).contains("\r\nSUMMARY:Summit\r\n").contains("\r\nLOCATION:EPFL\r\n");
    }

    @Test
    void textIsEscapedBeforeFolding() {
        String ics = ics(event("Summit, 2027; AI\\ML", "EPFL"));
        assertThat(unfolded(ics, "SUMMARY")).isEqualTo("SUMMARY:Summit\\, 2027\\; AI\\\\ML");
    }

    @Test
    void theEventIsAnAllDayEntryOverItsDates() {
        String ics = ics(event("Summit", "EPFL"));
        assertThat(ics).contains("DTSTART;VALUE=DATE:20270209\r\n").contains("DTEND;VALUE=DATE:20270212\r\n");
    }
}

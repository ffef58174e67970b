package ch.frontdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.admin.Stats.Day;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chart is pure drawing: tested without Quarkus. */
class DashboardChartTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

    @Test
    void theAxisHasFourEqualRoundStepsAboveTheBusiestDay() {
        assertThat(DashboardChart.niceCeiling(0)).isEqualTo(4);
        assertThat(DashboardChart.niceCeiling(3)).isEqualTo(4);
        assertThat(DashboardChart.niceCeiling(5)).isEqualTo(8);
        assertThat(DashboardChart.niceCeiling(13)).isEqualTo(20);
        assertThat(DashboardChart.niceCeiling(37)).isEqualTo(40);
        assertThat(DashboardChart.niceCeiling(41)).isEqualTo(80);
        assertThat(DashboardChart.niceCeiling(100)).isEqualTo(100);
        assertThat(DashboardChart.niceCeiling(101)).isEqualTo(200);
        assertThat(DashboardChart.niceCeiling(4500)).isEqualTo(8000);
        for (long max = 0; max < 100_000; max += 7) {
            long top = DashboardChart.niceCeiling(max);
            assertThat(top).isGreaterThanOrEqualTo(max).isLessThanOrEqualTo(Math.max(4, max * 4));
            assertThat(top % 4).as("four whole steps up to %d", top).isZero();
        }
    }

    @Test
    void everyDayIsAPointOfBothLinesAndTheBusiestDayTouchesTheTop() {
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            days.add(new Day(FIRST.plusDays(i), i == 10 ? 40 : 1, 99, i == 20 ? 8 : 0));
        }
        String svg = DashboardChart.svg(days);

        List<String> signups = points(svg, "signups");
        List<String> sales = points(svg, "sales");
        assertThat(signups).hasSize(30);
        assertThat(sales).hasSize(30);
        // 40 sign-ups is the axis maximum, so that point sits on the top grid line (y = 16).
        assertThat(signups.get(10)).endsWith(",16.0");
        assertThat(sales.get(0)).endsWith("," + (DashboardChart.HEIGHT - 40) + ".0");
        assertThat(svg).contains("<title>2026-01-21: 8 tickets</title>")
                .contains("From 2026-01-01 to 2026-01-30: 69 sign-ups and 8 tickets sold.")
                .contains(">40</text>").contains("role=\"img\"");
    }

    @Test
    void anEmptySeriesStillDrawsTheAxes() {
        String svg = DashboardChart.svg(List.of());
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("No data.").doesNotContain("polyline");
    }

    @Test
    void theMarkupHasNoInlineStyleSoTheContentSecurityPolicyAllowsIt() {
        String svg = DashboardChart.svg(List.of(new Day(FIRST, 2, 0, 3), new Day(FIRST.plusDays(1), 0, 0, 1)));
        assertThat(svg).doesNotContain("style").doesNotContain("<script");
    }

    private static List<String> points(String svg, String series) {
        Matcher matcher = Pattern.compile("<g class=\"" + series + "\"><polyline points=\"([^\"]*)\"").matcher(svg);
        assertThat(matcher.find()).as("a %s line", series).isTrue();
        return List.of(matcher.group(1).split(" "));
    }
}

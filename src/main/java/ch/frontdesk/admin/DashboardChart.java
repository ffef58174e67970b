package ch.frontdesk.admin;

import ch.frontdesk.admin.Stats.Day;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The overview's chart of sign-ups and ticket sales per day, drawn as SVG on the server from the stats series: no
 * chart library, no script, and it prints. Only numbers and dates go into the markup, so nothing needs escaping.
 */
public final class DashboardChart {

    static final int WIDTH = 960;
    static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;
    private static final int GRID_LINES = 4;

    private DashboardChart() {
    }

    /** The SVG element; its text alternative names the period and the totals. */
    public static String svg(List<Day> days) {
        long max = days.stream().mapToLong(d -> Math.max(d.signups(), d.ticketsSold())).max().orElse(0);
        long top = niceCeiling(max);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<title id=\"chart-title\">Sign-ups and tickets sold per day</title>");
        svg.append("<desc id=\"chart-desc\">").append(description(days)).append("</desc>");
        for (int i = 0; i <= GRID_LINES; i++) {
            long value = top * i / GRID_LINES;
            double y = TOP + plotHeight - (double) plotHeight * i / GRID_LINES;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            svg.append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(value).append("</text>");
        }
        if (!days.isEmpty()) {
            double step = days.size() == 1 ? 0 : (double) plotWidth / (days.size() - 1);
            int labelEvery = Math.max(1, (int) Math.ceil(days.size() / 8.0));
            for (int i = 0; i < days.size(); i++) {
                if ((days.size() - 1 - i) % labelEvery == 0) {
                    // The last label ends at the right edge rather than running over it.
                    String anchor = i == days.size() - 1 ? "end" : "middle";
                    svg.append("<text class=\"axis\" x=\"").append(fmt(LEFT + step * i)).append("\" y=\"")
                            .append(HEIGHT - BOTTOM + 18).append("\" text-anchor=\"").append(anchor).append("\">")
                            .append(shortDate(days.get(i).day())).append("</text>");
                }
            }
            svg.append(series(days, true, step, top, plotHeight));
            svg.append(series(days, false, step, top, plotHeight));
        }
        svg.append("<g class=\"legend\"><rect class=\"signups\" x=\"").append(LEFT).append("\" y=\"")
                .append(HEIGHT - 14).append("\" width=\"12\" height=\"4\"/><text x=\"").append(LEFT + 18)
                .append("\" y=\"").append(HEIGHT - 9).append("\">Newsletter sign-ups</text>")
                .append("<rect class=\"sales\" x=\"").append(LEFT + 180).append("\" y=\"").append(HEIGHT - 14)
                .append("\" width=\"12\" height=\"4\"/><text x=\"").append(LEFT + 198).append("\" y=\"")
                .append(HEIGHT - 9).append("\">Tickets sold</text></g>");
        return svg.append("</svg>").toString();
    }

    private static String series(List<Day> days, boolean signups, double step, long top, int plotHeight) {
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            long value = signups ? day.signups() : day.ticketsSold();
            double x = LEFT + step * i;
            double y = TOP + plotHeight - (top == 0 ? 0 : (double) plotHeight * value / top);
            points.append(i == 0 ? "" : " ").append(fmt(x)).append(',').append(fmt(y));
            if (value > 0) {
                // A dot with a tooltip on days that had any, so a single sale does not hide in the line.
                dots.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                        .append("\" r=\"3\"><title>").append(day.day()).append(": ").append(value)
                        .append(signups ? " sign-ups" : " tickets").append("</title></circle>");
            }
        }
        String name = signups ? "signups" : "sales";
        return "<g class=\"" + name + "\"><polyline points=\"" + points + "\"/>" + dots + "</g>";
    }

    static String description(List<Day> days) {
        if (days.isEmpty()) {
            return "No data.";
        }
        long signups = days.stream().mapToLong(Day::signups).sum();
        long tickets = days.stream().mapToLong(Day::ticketsSold).sum();
        return "From " + days.get(0).day() + " to " + days.get(days.size() - 1).day() + ": " + signups
                + " sign-ups and " + tickets + " tickets sold.";
    }

    /**
     * The axis maximum: four equal steps of 1, 2, 2.5 or 5 times a power of ten, so every grid line is a round
     * whole number.
     */
    static long niceCeiling(long max) {
        for (long power = 1; ; power *= 10) {
            // For a power of 1, 5 / 2 is 2 again: a step of 2.5 only exists from 25 upwards.
            for (long step : new long[] {power, 2 * power, 5 * power / 2, 5 * power}) {
                if (step * GRID_LINES >= max) {
                    return step * GRID_LINES;
                }
            }
        }
    }

    private static String shortDate(LocalDate day) {
        return day.getDayOfMonth() + " " + day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

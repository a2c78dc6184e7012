package id.kypso.aggregator.web;

import id.kypso.aggregator.report.Rapor.TrendPoint;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws charts as inline SVG, each with a title for screen readers. Bars carry their counts as
 * text and the trend line has a table of the same numbers beside it, so no figure is only in a
 * picture.
 */
final class Charts {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;
    private static final int TOP = 10;

    private Charts() {
    }

    /** Draws the monthly index on the 25-100 scale as a line with gaps where data is too thin. */
    static String trend(List<TrendPoint> points, String title, String notEnough) {
        StringBuilder svg = open(title);
        double plotHeight = HEIGHT - BOTTOM - TOP;
        for (int mark = 25; mark <= 100; mark += 25) {
            double y = TOP + plotHeight * (1 - (mark - 25) / 75.0);
            svg.append(format("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c8c8c8\"/>",
                    LEFT, y, WIDTH - 10, y));
            svg.append(format("<text x=\"4\" y=\"%.1f\">%d</text>", y + 4, mark));
        }
        double step = points.size() > 1 ? (WIDTH - LEFT - 20) / (double) (points.size() - 1) : 0;
        StringBuilder path = new StringBuilder();
        boolean penDown = false;
        for (int i = 0; i < points.size(); i++) {
            TrendPoint point = points.get(i);
            double x = LEFT + 10 + step * i;
            if (i % 2 == 0 || points.size() <= 6) {
                svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x,
                        HEIGHT - 8, Html.escape(point.month().substring(2))));
            }
            if (point.index() == null) {
                penDown = false;
                if (point.responses() > 0) {
                    svg.append(format("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\""
                            + " aria-hidden=\"true\">-</text>", x, HEIGHT - BOTTOM - 4));
                }
                continue;
            }
            double y = TOP + plotHeight * (1 - (point.index().doubleValue() - 25) / 75.0);
            path.append(penDown ? " L" : " M").append(format("%.1f,%.1f", x, y));
            penDown = true;
            svg.append(format("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#0b3d6b\">"
                    + "<title>%s: %s</title></circle>", x, y, Html.escape(point.month()),
                    point.index().toPlainString()));
        }
        if (!path.isEmpty()) {
            svg.append("<path d=\"").append(path.toString().strip())
                    .append("\" fill=\"none\" stroke=\"#0b3d6b\" stroke-width=\"2\"/>");
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars of counts, one per label, each bar labelled with its count. */
    static String bars(Map<String, Long> counts, String title) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        int rowHeight = 28;
        int height = Math.max(rowHeight * counts.size() + 10, 40);
        StringBuilder svg = new StringBuilder(format("<svg role=\"img\" viewBox=\"0 0 %d %d\""
                + " width=\"100%%\" preserveAspectRatio=\"xMinYMin meet\"><title>%s</title>",
                WIDTH, height, Html.escape(title)));
        int row = 0;
        for (var entry : counts.entrySet()) {
            int y = 5 + row * rowHeight;
            double width = max == 0 ? 0 : (WIDTH - 200) * entry.getValue() / (double) max;
            svg.append(format("<text x=\"4\" y=\"%d\">%s</text>", y + 17,
                    Html.escape(entry.getKey())));
            svg.append(format("<rect x=\"120\" y=\"%d\" width=\"%.1f\" height=\"20\""
                    + " fill=\"#0b3d6b\"/>", y + 2, width));
            svg.append(format("<text x=\"%.1f\" y=\"%d\">%d</text>", 126 + width, y + 17,
                    entry.getValue()));
            row++;
        }
        return svg.append("</svg>").toString();
    }

    static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static StringBuilder open(String title) {
        return new StringBuilder(format("<svg role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\""
                + " preserveAspectRatio=\"xMinYMin meet\"><title>%s</title>", WIDTH, HEIGHT,
                Html.escape(title)));
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}

package io.precis.admin.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG, rendered on the server (Vaadin's chart component is not free, and the app builds no custom
 * frontend): grouped bars and lines over a list of labels. Values are plotted on [0, max of all values].
 */
public final class SvgCharts {
    /** One coloured series: a name and one value per label (NaN: no value). */
    public record Series(String name, List<Double> values) {
    }

    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
    private static final int WIDTH = 560;
    private static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int BOTTOM = 40;
    private static final int TOP = 28;

    private SvgCharts() {
    }

    public static String bars(String title, List<String> labels, List<Series> series) {
        return chart(title, labels, series, true);
    }

    public static String lines(String title, List<String> labels, List<Series> series) {
        return chart(title, labels, series, false);
    }

    private static String chart(String title, List<String> labels, List<Series> series, boolean bars) {
        double max = series.stream().flatMap(s -> s.values().stream()).filter(Double::isFinite).mapToDouble(Double::doubleValue)
                .max().orElse(1);
        max = max <= 0 ? 1 : max * 1.1;
        int plotWidth = WIDTH - LEFT - 10;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"11\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT, escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"bold\">%s</text>", LEFT, escape(title)));
        for (int t = 0; t <= 4; t++) {
            double value = max * t / 4;
            double y = TOP + plotHeight - plotHeight * t / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.3g</text>", LEFT, LEFT + plotWidth, y, y, LEFT - 4, y + 4, value));
        }
        int n = Math.max(1, labels.size());
        double slot = (double) plotWidth / n;
        for (int i = 0; i < labels.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    LEFT + slot * (i + 0.5), HEIGHT - BOTTOM + 14, escape(labels.get(i))));
        }
        for (int s = 0; s < series.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            List<Double> values = series.get(s).values();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < Math.min(values.size(), labels.size()); i++) {
                double v = values.get(i);
                if (!Double.isFinite(v)) {
                    continue;
                }
                double h = plotHeight * v / max;
                if (bars) {
                    double w = slot * 0.8 / series.size();
                    double x = LEFT + slot * i + slot * 0.1 + w * s;
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                            + "<title>%s %s: %.4f</title></rect>", x, TOP + plotHeight - h, w, h, colour,
                            escape(series.get(s).name()), escape(labels.get(i)), v));
                } else {
                    double x = LEFT + slot * (i + 0.5);
                    double y = TOP + plotHeight - h;
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s: %.4f</title></circle>",
                            x, y, colour, escape(series.get(s).name()), escape(labels.get(i)), v));
                }
            }
            if (!bars && points.length() > 0) {
                svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>",
                        points.toString().strip(), colour));
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", LEFT + 130 * s, HEIGHT - 14, colour, LEFT + 14 + 130 * s, HEIGHT - 5,
                    escape(series.get(s).name())));
        }
        return svg.append("</svg>").toString();
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

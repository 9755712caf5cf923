package io.precis.inference.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A self-contained HTML page for an evaluation: the settings, the aggregate scores, histograms as inline SVG
 * (built by hand, no scripts) and a table with every example. Stateless.
 */
final class HtmlReport {

    private HtmlReport() {
    }

    static String render(ObjectNode report, List<EvalRunner.ExampleResult> results) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Precis evaluation: ").append(esc(report.path("dataset").asText())).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#1d2330}\n")
                .append("h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px}\n")
                .append("table{border-collapse:collapse;font-size:13px}\n")
                .append("th,td{border-bottom:1px solid #e3e6ec;padding:4px 8px;text-align:left;vertical-align:top}\n")
                .append("th{background:#f4f6f9;position:sticky;top:0}\n")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n")
                .append("td.summary{max-width:640px;line-height:1.35}\n")
                .append(".meta td:first-child{color:#5b6475;white-space:nowrap}\n")
                .append(".plots{display:flex;flex-wrap:wrap;gap:12px}\n")
                .append(".plots svg{border:1px solid #e3e6ec;border-radius:4px;background:#fff}\n")
                .append(".warn{color:#b3261e}\n.muted{color:#5b6475}\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>Precis evaluation</h1>\n<div class=\"muted\">").append(esc(report.path("dataset").asText()))
                .append(" &middot; ").append(esc(report.path("timestamp").asText())).append("</div>\n");

        h.append("<h2>Scores</h2>\n<table>\n<tr><th>n</th><th>ROUGE-1</th><th>ROUGE-2</th><th>ROUGE-L</th>")
                .append("<th>ROUGE-Lsum</th><th>BERTScore F1</th><th>Factuality</th><th>Latency p50 (ms)</th>")
                .append("<th>Latency p95 (ms)</th><th>Examples/s</th></tr>\n<tr>");
        for (String key : List.of("n", "rouge1", "rouge2", "rougeL", "rougeLsum", "bertscoreF1", "factuality",
                "latencyMsP50", "latencyMsP95", "examplesPerSecond")) {
            JsonNode value = report.get(key);
            h.append("<td class=\"num\">").append(value == null || value.isNull() ? "&ndash;" : esc(value.asText()))
                    .append("</td>");
        }
        h.append("</tr>\n</table>\n<p class=\"muted\">ROUGE: mean F1 &times; 100 (rouge-score semantics, Porter "
                + "stemming). BERTScore and factuality: means in [0, 1].</p>\n");

        h.append("<h2>Settings</h2>\n<table class=\"meta\">\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = report.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (List.of("n", "rouge1", "rouge2", "rougeL", "rougeLsum", "bertscoreF1", "factuality", "latencyMsP50",
                    "latencyMsP95", "examplesPerSecond").contains(field.getKey())) {
                continue;
            }
            h.append("<tr><td>").append(esc(field.getKey())).append("</td><td>").append(metaValue(field.getValue()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Distributions</h2>\n<div class=\"plots\">\n");
        h.append(histogram("ROUGE-1 F1 (x100)", values(results, r -> r.rouge().rouge1().fmeasure() * 100), 0, 100));
        h.append(histogram("ROUGE-2 F1 (x100)", values(results, r -> r.rouge().rouge2().fmeasure() * 100), 0, 100));
        h.append(histogram("ROUGE-L F1 (x100)", values(results, r -> r.rouge().rougeL().fmeasure() * 100), 0, 100));
        h.append(histogram("ROUGE-Lsum F1 (x100)", values(results, r -> r.rouge().rougeLsum().fmeasure() * 100), 0,
                100));
        h.append(histogram("BERTScore F1", values(results, r -> r.bertscore().f1()), 0, 1));
        h.append(histogram("Factuality (source support)", values(results, r -> r.factuality().score()), 0, 1));
        double[] latencies = results.stream().filter(r -> r.latencyMs() != null)
                .mapToDouble(EvalRunner.ExampleResult::latencyMs).toArray();
        if (latencies.length > 0) {
            double max = Arrays.stream(latencies).max().orElse(1);
            h.append(histogram("Latency (ms)", latencies, 0, niceCeiling(max)));
        }
        h.append("</div>\n");

        h.append("<h2>Examples</h2>\n<table>\n<tr><th>#</th><th>id</th><th>R-1</th><th>R-2</th><th>R-L</th>")
                .append("<th>R-Lsum</th><th>BERTScore F1</th><th>Factuality</th><th>Latency (ms)</th>")
                .append("<th>Summary</th></tr>\n");
        int row = 0;
        for (EvalRunner.ExampleResult r : results) {
            row++;
            h.append("<tr><td class=\"num\">").append(row).append("</td><td>").append(esc(r.id()))
                    .append("<div class=\"muted\">line ").append(r.line()).append(" &middot; ")
                    .append(esc(r.strategy())).append("</div></td>")
                    .append(num(r.rouge().rouge1().fmeasure() * 100, 2))
                    .append(num(r.rouge().rouge2().fmeasure() * 100, 2))
                    .append(num(r.rouge().rougeL().fmeasure() * 100, 2))
                    .append(num(r.rouge().rougeLsum().fmeasure() * 100, 2))
                    .append(num(r.bertscore().f1(), 4))
                    .append(num(r.factuality().score(), 4))
                    .append(r.latencyMs() == null ? "<td class=\"num\">&ndash;</td>" : num(r.latencyMs(), 1))
                    .append("<td class=\"summary\">").append(esc(r.summary()).replace("\n", "<br>"));
            List<String> absent = r.factuality().absent();
            if (!absent.isEmpty()) {
                h.append("<div class=\"warn\">not in the source: ").append(esc(String.join(", ", absent)))
                        .append("</div>");
            }
            for (String notice : r.notices()) {
                h.append("<div class=\"muted\">").append(esc(notice)).append("</div>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    /** A histogram of {@code values} over [min, max] in 20 bins, with the mean marked, as an SVG element. */
    static String histogram(String title, double[] values, double min, double max) {
        int bins = 20;
        int width = 360;
        int height = 200;
        int left = 40;
        int right = 12;
        int top = 28;
        int bottom = 34;
        int plotW = width - left - right;
        int plotH = height - top - bottom;
        if (!(max > min)) {
            max = min + 1;
        }
        int[] counts = new int[bins];
        for (double v : values) {
            int b = (int) Math.floor((v - min) / (max - min) * bins);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        int peak = Math.max(1, Arrays.stream(counts).max().orElse(1));
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n", width, height, width, height, esc(title)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"13\" font-weight=\"600\" "
                + "fill=\"#1d2330\">%s</text>\n", left, esc(title)));
        // axes
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8a93a5\"/>\n",
                left, top + plotH, left + plotW, top + plotH));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#8a93a5\"/>\n",
                left, top, left, top + plotH));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" "
                + "fill=\"#5b6475\">%d</text>\n", left - 4, top + 8, peak));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\" "
                + "fill=\"#5b6475\">0</text>\n", left - 4, top + plotH));
        double barW = (double) plotW / bins;
        for (int b = 0; b < bins; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double barH = (double) counts[b] / peak * plotH;
            double lo = min + (max - min) * b / bins;
            double hi = min + (max - min) * (b + 1) / bins;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            + "fill=\"#4f7cc9\"><title>%s to %s: %d</title></rect>\n",
                    left + b * barW + 0.5, top + plotH - barH, barW - 1, barH, fmt(lo), fmt(hi), counts[b]));
        }
        for (int t = 0; t <= 4; t++) {
            double value = min + (max - min) * t / 4;
            double x = left + plotW * t / 4.0;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" "
                    + "fill=\"#5b6475\">%s</text>\n", x, top + plotH + 14, fmt(value)));
        }
        if (values.length > 0) {
            double mean = Arrays.stream(values).average().orElse(0);
            double x = left + Math.max(0, Math.min(1, (mean - min) / (max - min))) * plotW;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c0392b\" "
                    + "stroke-dasharray=\"4 3\"/>\n", x, top, x, top + plotH));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#c0392b\">"
                    + "mean %s &#183; n %d</text>\n", left + 4, height - 6, fmt(mean), values.length));
        } else {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#5b6475\">no data"
                    + "</text>\n", left + 8, top + plotH / 2));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static double[] values(List<EvalRunner.ExampleResult> results,
            ToDoubleFunction<EvalRunner.ExampleResult> metric) {
        return results.stream().mapToDouble(metric).toArray();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code x}. */
    static double niceCeiling(double x) {
        if (!(x > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(x)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= x) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String fmt(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String num(double v, int digits) {
        return "<td class=\"num\">" + String.format(Locale.ROOT, "%." + digits + "f", v) + "</td>";
    }

    private static String metaValue(JsonNode value) {
        if (value.isObject()) {
            StringBuilder s = new StringBuilder();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                s.append("<div><span class=\"muted\">").append(esc(f.getKey())).append(":</span> ")
                        .append(esc(f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()))
                        .append("</div>");
            }
            return s.toString();
        }
        return value.isNull() ? "&ndash;" : esc(value.asText());
    }

    static String esc(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}

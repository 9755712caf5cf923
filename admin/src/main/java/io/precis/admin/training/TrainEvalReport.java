package io.precis.admin.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.precis.admin.evaluation.SvgCharts;

/** The HTML page of a train-eval run: the scores of production and candidate as inline SVG charts, and the numbers. */
final class TrainEvalReport {
    static final List<String> METRICS = List.of("rouge1", "rouge2", "rougeL", "bertScore", "factualConsistency");

    private TrainEvalReport() {
    }

    static String html(Map<String, Object> report, TrainEvalJob.Comparison comparison) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>train-eval ")
                .append(SvgCharts.escape(String.valueOf(report.get("version"))))
                .append("</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 10px;text-align:right}</style>")
                .append("</head><body><h1>Train and evaluate ").append(SvgCharts.escape(String.valueOf(report.get("version"))))
                .append("</h1>");
        html.append(SvgCharts.bars("Held-out scores: production vs candidate", METRICS, List.of(
                series("production", comparison.production()), series("candidate", comparison.candidate()))));
        html.append(SvgCharts.bars("Mean reward", List.of("reward"), List.of(
                series("production", comparison.production(), "reward"), series("candidate", comparison.candidate(), "reward"))));
        html.append("<h2>Numbers</h2><table><tr><th>metric</th><th>production</th><th>candidate</th><th>change</th></tr>");
        for (String metric : comparison.production().keySet()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>", metric,
                    format(comparison.production().get(metric)), format(comparison.candidate().get(metric)),
                    format(comparison.change().get(metric))));
        }
        html.append("</table><h2>Reward model</h2><pre>").append(SvgCharts.escape(String.valueOf(report.get("reward"))))
                .append("</pre><h2>Policy tuning</h2><pre>").append(SvgCharts.escape(String.valueOf(report.get("tuning"))))
                .append("</pre><p>Evaluation sets: ").append(SvgCharts.escape(String.valueOf(report.get("evalSets"))))
                .append(String.format(Locale.ROOT, "; %.1f s.</p></body></html>", ((Number) report.get("durationSeconds")).doubleValue()));
        return html.toString();
    }

    private static SvgCharts.Series series(String name, Map<String, Object> means) {
        List<Double> values = new ArrayList<>();
        METRICS.forEach(m -> values.add(((Number) means.get(m)).doubleValue()));
        return new SvgCharts.Series(name, values);
    }

    private static SvgCharts.Series series(String name, Map<String, Object> means, String metric) {
        return new SvgCharts.Series(name, List.of(((Number) means.get(metric)).doubleValue()));
    }

    private static String format(Object value) {
        return value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value);
    }
}

package io.precis.ops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Small PromQL helpers: Grafana variables, metric names, and a promtool syntax check through a rule file. */
final class PromQl {
    private static final Set<String> KEYWORDS = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar",
            "topk", "bottomk", "quantile", "count_values", "group", "by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "offset", "bool", "atan2", "inf", "nan");
    private static final Pattern FUNCTION = Pattern.compile("[a-z_]+\\s*\\(");
    private static final Pattern IDENT = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {
    }

    /** Replaces Grafana's variables with values Prometheus accepts. */
    static String resolveGrafanaVariables(String expr) {
        return expr.replace("$__rate_interval", "5m").replace("${__rate_interval}", "5m")
                .replace("$__interval", "1m").replace("$__range", "1h")
                .replace("${namespace}", "sum-prod").replace("$namespace", "sum-prod")
                .replace("${endpoint}", ".*").replace("$endpoint", ".*");
    }

    /** Metric names an expression reads (strings, label matchers, ranges and grouping labels removed). */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
        s = s.replaceAll("\\{[^}]*}", " ");
        s = s.replaceAll("\\[[^]]*]", " ");
        s = s.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> functions = new TreeSet<>();
        Matcher f = FUNCTION.matcher(s);
        while (f.find()) {
            functions.add(f.group().replaceAll("[\\s(]", ""));
        }
        Set<String> names = new TreeSet<>();
        Matcher m = IDENT.matcher(s);
        while (m.find()) {
            String id = m.group();
            int start = m.start();
            boolean partOfNumber = start > 0 && (Character.isDigit(s.charAt(start - 1)) || s.charAt(start - 1) == '.');
            if (!partOfNumber && !KEYWORDS.contains(id) && !functions.contains(id) && !id.matches("\\d.*")) {
                names.add(id);
            }
        }
        return names;
    }

    /** Known metric names of ops/prometheus/metrics.yaml, plus the recording rules' own names. */
    static Set<String> knownMetrics() {
        JsonNode contract = Charts.readYaml(Repo.OPS.resolve("prometheus/metrics.yaml"));
        Set<String> known = new TreeSet<>();
        contract.fields().forEachRemaining(e -> e.getValue().forEach(n -> known.add(n.asText())));
        for (Path rules : Repo.list(Repo.RULES, "*.yaml")) {
            for (JsonNode group : Charts.readYaml(rules).path("groups")) {
                group.path("rules").forEach(r -> {
                    if (r.has("record")) {
                        known.add(r.path("record").asText());
                    }
                });
            }
        }
        return known;
    }

    static Set<String> appMetrics() {
        Set<String> app = new TreeSet<>();
        Charts.readYaml(Repo.OPS.resolve("prometheus/metrics.yaml")).path("app").forEach(n -> app.add(n.asText()));
        return app;
    }

    /** Writes expressions as recording rules and lets promtool parse them. */
    static Tools.Result promtoolCheck(String name, Map<String, String> expressions) {
        List<Map<String, Object>> rules = new ArrayList<>();
        int i = 0;
        for (var e : expressions.entrySet()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", "check:" + name.replaceAll("[^a-zA-Z0-9_]", "_") + ":expr" + i++);
            rule.put("expr", e.getValue());
            rules.add(rule);
        }
        Path file = Repo.work("promql").resolve(name + ".rules.yaml");
        Repo.write(file, Charts.toYaml(Map.of("groups", List.of(Map.of("name", name, "rules", rules)))));
        return Tools.run(Repo.ROOT, "promtool", "check", "rules", file.toString());
    }
}

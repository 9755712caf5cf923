package io.precis.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/**
 * A real Prometheus (the Debian {@code prometheus} binary that {@code ./precis test} installs) scrapes this app's
 * management port every second, loads the rule files of {@code ops/prometheus/rules}, and answers for every expression
 * of those rules and of the Grafana dashboards in {@code ops/grafana}: each must parse and evaluate, and every app
 * metric it names must be in the scrape, except those of features not built yet ({@link #NOT_BUILT_YET}).
 */
@PrecisIntegrationTest
class PrometheusScrapeTest {

    /**
     * Metric name prefixes that rules and dashboards read but that features still to come will publish, with the issue
     * that adds them. The test fails when all the metrics of an entry are scraped: then delete the entry.
     */
    static final Map<String, String> NOT_BUILT_YET = new TreeMap<>(Map.of());

    /** Sections of ops/prometheus/metrics.yaml published by something other than the app. */
    static final List<String> NOT_FROM_THE_APP = List.of("vllm", "prometheus", "kubernetes", "dcgm");

    static final String NAMESPACE = "sum-prod";
    static final String JOB = "sum-prod-api-management";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Path ROOT = projectRoot();
    static final Path OPS = ROOT.resolve("ops");

    static Process prometheus;
    static int prometheusPort;
    static Path workDir;

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @BeforeEach
    void startPrometheusOnce() throws Exception {
        if (prometheus != null) {
            return;
        }
        String binary = which("prometheus");
        if (binary == null) {
            fail("prometheus is not installed: ./precis test installs it (apt-get install prometheus)");
        }
        // Traffic first, so the API and summary metrics exist before the scrape: a summary, a 404 and a 401; and a GC.
        Api api = new Api(port);
        assertThat(api.postJson("/api/v1/summaries", Map.of("documents", List.of(Map.of("text",
                "The council approved the harbour plan on Tuesday. Construction starts next spring. The park replaces the container yard.")),
                "length", "short"), Api.BOOTSTRAP_KEY).status()).isEqualTo(200);
        assertThat(api.getWithKey("/api/v1/summaries/00000000-0000-0000-0000-000000000000", Api.BOOTSTRAP_KEY).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/summaries", Map.of()).status()).isEqualTo(401);
        System.gc();

        workDir = Files.createDirectories(ROOT.resolve("app/target/prometheus-scrape-test"));
        List<Path> ruleFiles = ruleFiles();
        prometheusPort = freePort();
        StringBuilder config = new StringBuilder()
                .append("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n")
                .append("rule_files:\n");
        ruleFiles.forEach(f -> config.append("  - '").append(f).append("'\n"));
        config.append("scrape_configs:\n")
                .append("  - job_name: ").append(JOB).append('\n')
                .append("    metrics_path: /actuator/prometheus\n")
                .append("    static_configs:\n")
                .append("      - targets: ['127.0.0.1:").append(managementPort).append("']\n")
                .append("        labels: {namespace: ").append(NAMESPACE).append("}\n");
        Path configFile = workDir.resolve("prometheus.yml");
        Files.writeString(configFile, config);
        Path data = workDir.resolve("data");
        deleteRecursively(data);
        prometheus = new ProcessBuilder(binary, "--config.file=" + configFile, "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + prometheusPort, "--storage.tsdb.retention.time=1h")
                .redirectErrorStream(true).redirectOutput(workDir.resolve("prometheus.log").toFile()).start();

        awaitTrue("Prometheus to be ready", () -> get("/-/ready").statusCode() == 200);
        awaitTrue("a successful scrape of the app", () -> {
            JsonNode result = query("up{job=\"" + JOB + "\"}").path("data").path("result");
            return result.size() == 1 && result.get(0).at("/value/1").asText().equals("1");
        });
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            prometheus = null;
        }
    }

    @Test
    void prometheusScrapesTheAppsManagementPort() throws Exception {
        JsonNode targets = JSON.readTree(get("/api/v1/targets").body()).at("/data/activeTargets");
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).path("health").asText()).as("scrape error: %s", targets.get(0).path("lastError")).isEqualTo("up");
        assertThat(targets.get(0).at("/labels/namespace").asText()).isEqualTo(NAMESPACE);
    }

    @Test
    void everyRuleAndDashboardExpressionParsesAndEvaluates() {
        Map<String, String> expressions = expressions();
        assertThat(expressions).hasSizeGreaterThan(30);
        Map<String, String> failures = new LinkedHashMap<>();
        expressions.forEach((where, expr) -> {
            JsonNode answer = query(expr);
            if (!"success".equals(answer.path("status").asText())) {
                failures.put(where, answer.path("errorType").asText() + ": " + answer.path("error").asText() + "\n    " + expr);
            }
        });
        assertThat(failures).as("expressions Prometheus refused").isEmpty();
    }

    @Test
    void theRuleFilesLoadIntoPrometheusAndEvaluateWithoutErrors() throws Exception {
        awaitTrue("every rule to have been evaluated", () -> {
            JsonNode groups = JSON.readTree(get("/api/v1/rules").body()).at("/data/groups");
            List<String> unevaluated = new ArrayList<>();
            groups.forEach(g -> g.path("rules").forEach(r -> {
                if (r.path("health").asText().equals("unknown")) unevaluated.add(r.path("name").asText());
            }));
            return groups.size() > 0 && unevaluated.isEmpty();
        });
        Map<String, String> errors = new LinkedHashMap<>();
        int rules = 0;
        for (JsonNode g : JSON.readTree(get("/api/v1/rules").body()).at("/data/groups")) {
            for (JsonNode r : g.path("rules")) {
                rules++;
                if (!r.path("health").asText().equals("ok")) {
                    errors.put(g.path("file").asText() + " " + r.path("name").asText(), r.path("lastError").asText());
                }
            }
        }
        assertThat(rules).isEqualTo(expressionsOfRuleFiles().size());
        assertThat(errors).as("rules with evaluation errors").isEmpty();
        // The API recording rules see the app's traffic under its namespace label.
        awaitTrue("precis:api_requests:rate5m to have samples",
                () -> query("precis:api_requests:rate5m{namespace=\"" + NAMESPACE + "\"}").at("/data/result").size() > 0);
    }

    @Test
    void everyAppMetricTheExpressionsNameIsInTheScrape() {
        Set<String> referenced = new TreeSet<>();
        expressions().values().forEach(e -> referenced.addAll(metricNames(e)));
        Set<String> notApp = notFromTheApp();
        referenced.removeAll(notApp);
        Set<String> required = new TreeSet<>();
        Map<String, Set<String>> pending = new TreeMap<>();
        for (String name : referenced) {
            String entry = NOT_BUILT_YET.keySet().stream().filter(name::startsWith).findFirst().orElse(null);
            if (entry != null) {
                pending.computeIfAbsent(entry, k -> new TreeSet<>()).add(name);
            } else {
                required.add(name);
            }
        }
        assertThat(required).contains("api_requests_total", "api_request_latency_seconds_bucket", "api_request_errors_total",
                "summary_length_words_bucket", "hikaricp_connections_active", "jvm_memory_used_bytes", "process_cpu_usage");

        AtomicReference<Set<String>> scrapedRef = new AtomicReference<>(Set.of());
        awaitTrue("every referenced app metric to be scraped", () -> {
            scrapedRef.set(scrapedNames());
            return scrapedRef.get().containsAll(required);
        }, Duration.ofSeconds(30), false);
        Set<String> scraped = scrapedRef.get();
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(scraped);
        assertThat(missing).as("metrics that rules or dashboards read but the app does not publish (publish them, or list "
                + "the feature in NOT_BUILT_YET with its issue)").isEmpty();

        for (String entry : NOT_BUILT_YET.keySet()) {
            Set<String> names = pending.getOrDefault(entry, Set.of());
            assertThat(names).as("NOT_BUILT_YET entry '%s' (%s) matches no metric of the rules or dashboards: delete it",
                    entry, NOT_BUILT_YET.get(entry)).isNotEmpty();
            assertThat(scraped.containsAll(names)).as("every metric of NOT_BUILT_YET entry '%s' (%s) is published now: "
                    + "delete the entry so the test checks them", entry, NOT_BUILT_YET.get(entry)).isFalse();
        }
    }

    @Test
    void metricNameExtractionSeesThroughPromQl() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (endpoint, le) (rate(api_request_latency_seconds_bucket{a=\"b\", c=~\"x|y\"}[5m]))) > 0.8"))
                .containsExactly("api_request_latency_seconds_bucket");
        assertThat(metricNames("max(vllm:gpu_cache_usage_perc{n=\"1\"} or vllm:kv_cache_usage_perc) * (1 - 0.02)"))
                .containsExactly("vllm:gpu_cache_usage_perc", "vllm:kv_cache_usage_perc");
        assertThat(metricNames("absent(up{job=\"x\"} == 1) and on(namespace) group_left(pod) foo_total offset 5m"))
                .containsExactly("foo_total", "up");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** "file: rule or panel" -> expression, for every rule of ops/prometheus/rules and every panel of ops/grafana. */
    static Map<String, String> expressions() {
        Map<String, String> all = new LinkedHashMap<>(expressionsOfRuleFiles());
        for (Path dashboard : list(OPS.resolve("grafana"), ".json")) {
            JsonNode d = readJson(dashboard);
            collectPanels(dashboard.getFileName().toString(), d.path("panels"), all);
        }
        return all;
    }

    static Map<String, String> expressionsOfRuleFiles() {
        Map<String, String> all = new LinkedHashMap<>();
        for (Path file : ruleFiles()) {
            Map<String, Object> doc = readYaml(file);
            for (Object g : (List<?>) doc.get("groups")) {
                for (Object r : (List<?>) ((Map<?, ?>) g).get("rules")) {
                    Map<?, ?> rule = (Map<?, ?>) r;
                    Object name = rule.containsKey("alert") ? rule.get("alert") : rule.get("record");
                    all.put(file.getFileName() + ": " + name + " #" + all.size(), rule.get("expr").toString());
                }
            }
        }
        return all;
    }

    private static void collectPanels(String file, JsonNode panels, Map<String, String> out) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr") && !target.path("expr").asText().isBlank()) {
                    out.put(file + ": " + panel.path("title").asText() + " #" + target.path("refId").asText(),
                            resolveGrafanaVariables(target.path("expr").asText()));
                }
            }
            collectPanels(file, panel.path("panels"), out);
        }
    }

    /** Grafana's variables, replaced with values Prometheus accepts (as ops' DashboardsTest does). */
    static String resolveGrafanaVariables(String expr) {
        return expr.replace("$__rate_interval", "5m").replace("${__rate_interval}", "5m")
                .replace("$__interval", "1m").replace("$__range", "1h")
                .replace("${namespace}", NAMESPACE).replace("$namespace", NAMESPACE)
                .replace("${endpoint}", ".*").replace("$endpoint", ".*");
    }

    static List<Path> ruleFiles() {
        return list(OPS.resolve("prometheus/rules"), ".yaml");
    }

    /** Recording rules and the metrics.yaml sections that other publishers (vLLM, Kubernetes, DCGM, Prometheus) own. */
    static Set<String> notFromTheApp() {
        Set<String> names = new TreeSet<>();
        Map<String, Object> contract = readYaml(OPS.resolve("prometheus/metrics.yaml"));
        for (String section : NOT_FROM_THE_APP) {
            Object list = contract.get(section);
            if (list instanceof List<?> l) l.forEach(n -> names.add(n.toString()));
        }
        for (Path file : ruleFiles()) {
            for (Object g : (List<?>) readYaml(file).get("groups")) {
                for (Object r : (List<?>) ((Map<?, ?>) g).get("rules")) {
                    Object record = ((Map<?, ?>) r).get("record");
                    if (record != null) names.add(record.toString());
                }
            }
        }
        return names;
    }

    private static final Set<String> KEYWORDS = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar",
            "topk", "bottomk", "quantile", "count_values", "group", "by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "offset", "bool", "atan2", "inf", "nan");
    private static final Pattern FUNCTION = Pattern.compile("[a-z_]+\\s*\\(");
    private static final Pattern IDENT = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

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

    // ---------------------------------------------------------------------------------------------------------------

    static Set<String> scrapedNames() throws IOException, InterruptedException {
        Set<String> names = new TreeSet<>();
        JSON.readTree(get("/api/v1/label/__name__/values").body()).path("data").forEach(n -> names.add(n.asText()));
        return names;
    }

    static JsonNode query(String expr) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheusPort + "/api/v1/query"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + prometheusPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void awaitTrue(String what, Check check) {
        awaitTrue(what, check, Duration.ofSeconds(60), true);
    }

    static void awaitTrue(String what, Check check, Duration timeout, boolean failOnTimeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (prometheus != null && !prometheus.isAlive()) {
                fail("prometheus exited with " + prometheus.exitValue() + ":\n" + prometheusLog());
            }
            try {
                if (check.ok()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failOnTimeout) {
            fail("timed out waiting for " + what + (last != null ? " (last error: " + last + ")" : "") + "\nprometheus log:\n" + prometheusLog());
        }
    }

    static String prometheusLog() {
        try {
            String log = Files.readString(workDir.resolve("prometheus.log"));
            return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
        } catch (IOException | RuntimeException e) {
            return "(no log)";
        }
    }

    static String which(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Paths.get(dir, tool);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The directory holding the {@code precis} entry script, at or above the working directory. */
    static Path projectRoot() {
        for (Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("precis")) && Files.isDirectory(dir.resolve("ops"))) {
                return dir;
            }
        }
        throw new IllegalStateException("project root (with ./precis) not found above " + System.getProperty("user.dir"));
    }

    static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> readYaml(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

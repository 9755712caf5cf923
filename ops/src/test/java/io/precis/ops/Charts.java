package io.precis.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/** Renders and lints helm/precis with helm-java (Helm as a native library, offline). */
final class Charts {
    static final List<String> ENVS = List.of("dev", "test", "staging", "prod");
    /** The Kubernetes version templates render for (the chart needs 1.25 or later). */
    static final String KUBE_VERSION = "v1.31.0";
    static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build());
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    private Charts() {
    }

    /** One rendering: every object, in order. */
    record Rendered(String env, String release, String namespace, String yaml, List<JsonNode> objects) {
        List<JsonNode> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        }

        JsonNode one(String kind, String name) {
            return objects.stream()
                    .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError(env + ": no " + kind + " " + name));
        }
    }

    static Path valuesFile(String env) {
        return Repo.CHART.resolve("values-" + env + ".yaml");
    }

    /** Release name and namespace as the workflows install each environment. */
    static Rendered render(String env) {
        return render(env, "sum-" + env, "sum-" + env, Map.of());
    }

    static Rendered renderPreview(int pr) {
        return render("test", "sum-pr-" + pr, "sum-pr-" + pr, Map.of("preview.prNumber", Integer.toString(pr)));
    }

    static synchronized Rendered render(String env, String release, String namespace, Map<String, String> sets) {
        String key = env + "|" + release + "|" + namespace + "|" + sets;
        return CACHE.computeIfAbsent(key, k -> {
            TemplateCommand cmd = new Helm(Repo.CHART).template().withName(release).withNamespace(namespace)
                    .withKubeVersion(KUBE_VERSION);
            if (env != null) {
                cmd = cmd.withValuesFile(valuesFile(env));
            }
            for (var e : sets.entrySet()) {
                cmd = cmd.set(e.getKey(), e.getValue());
            }
            String yaml = cmd.call();
            Repo.write(Repo.work("rendered").resolve(release + (env == null ? "-defaults" : "") + ".yaml"), yaml);
            return new Rendered(env, release, namespace, yaml, parseAll(yaml));
        });
    }

    static List<JsonNode> parseAll(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode() && node.size() > 0) {
                    objects.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Block-style YAML with long lines kept whole (readable rule expressions). */
    static String toYaml(Object node) {
        org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
        options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        options.setWidth(1000);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        return new org.yaml.snakeyaml.Yaml(options).dump(YAML.convertValue(node, Object.class));
    }

    /**
     * helm lint --strict with an environment's values. helm-java's lint takes no values file, so the chart is copied
     * (symlinks followed) with values.yaml replaced by the defaults deep-merged with the environment's file, as Helm
     * merges them.
     */
    static LintResult lint(String env) {
        if (env == null) {
            return new Helm(Repo.CHART).lint().strict().call();
        }
        Path copy = Repo.work("lint").resolve(env).resolve("precis");
        try {
            deleteTree(copy);
            copyTree(Repo.CHART, copy);
            JsonNode merged = merge(readYaml(Repo.CHART.resolve("values.yaml")).deepCopy(), readYaml(valuesFile(env)));
            Files.writeString(copy.resolve("values.yaml"), toYaml(merged));
            for (String e : ENVS) {
                Files.deleteIfExists(copy.resolve("values-" + e + ".yaml"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Helm(copy).lint().strict().call();
    }

    static JsonNode merge(JsonNode base, JsonNode override) {
        if (!(base instanceof ObjectNode target) || !override.isObject()) {
            return override;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            JsonNode existing = target.get(f.getKey());
            if (f.getValue().isNull()) {
                target.remove(f.getKey());
            } else if (existing != null && existing.isObject() && f.getValue().isObject()) {
                merge(existing, f.getValue());
            } else {
                target.set(f.getKey(), f.getValue());
            }
        }
        return target;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The rule groups of the PrometheusRule in a rendering, as a Prometheus rule file. */
    static JsonNode ruleFile(Rendered r) {
        List<JsonNode> rules = r.ofKind("PrometheusRule");
        if (rules.size() != 1) {
            throw new AssertionError(r.env() + ": expected one PrometheusRule, got " + rules.size());
        }
        return rules.get(0).path("spec");
    }

    static Map<String, JsonNode> alerts(JsonNode ruleFile) {
        Map<String, JsonNode> alerts = new LinkedHashMap<>();
        for (JsonNode group : ruleFile.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    alerts.put(rule.path("alert").asText(), rule);
                }
            }
        }
        return alerts;
    }
}

package io.precis.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;

/** The root Dockerfile's shape (no Docker daemon here to build it) and the prod canary overlay of the chart. */
class ImageAndCanaryTest {

    @Test
    void dockerfileBuildsWithTheProductionProfileAndRunsAsNonRootOnAJre17() {
        String dockerfile = Repo.read(Repo.ROOT.resolve("Dockerfile"));
        List<String> froms = dockerfile.lines().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0)).contains("AS build");
        assertThat(froms.get(1)).matches("FROM eclipse-temurin:17-jre.*");
        assertThat(dockerfile).contains("-Pproduction", "USER 10001:10001", "EXPOSE 8080 8081",
                "ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]", "CMD [\"--spring.profiles.active=prod\"]");
        assertThat(dockerfile.indexOf("USER 10001")).isGreaterThan(dockerfile.lastIndexOf("FROM "));
        assertThat(Repo.read(Repo.ROOT.resolve(".dockerignore"))).contains("**/target/", ".precis/");
    }

    @Test
    void prodCanaryIsOnePodBehindTheCanaryIngressSharingProdsBackends() {
        String yaml = new Helm(Repo.CHART).template().withName("sum-prod-canary").withNamespace("sum-prod")
                .withKubeVersion(Charts.KUBE_VERSION)
                .withValuesFile(Charts.valuesFile("prod")).withValuesFile(Repo.CHART.resolve("values-canary.yaml"))
                .set("fullnameOverride", "sum-prod-canary").call();
        Charts.Rendered r = new Charts.Rendered("prod", "sum-prod-canary", "sum-prod", yaml, Charts.parseAll(yaml));
        JsonNode ingress = r.one("Ingress", "sum-prod-canary-api");
        assertThat(ingress.at("/metadata/annotations").path("nginx.ingress.kubernetes.io/canary").asText()).isEqualTo("true");
        assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("api.example.com");
        assertThat(r.one("Deployment", "sum-prod-canary-api").at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(r.one("ConfigMap", "sum-prod-canary-config").at("/data/VLLM_URL").asText()).isEqualTo("http://sum-prod-vllm:8000/v1");
        assertThat(r.one("Deployment", "sum-prod-canary-api").toString()).contains("sum-prod-secrets");
        for (String kind : List.of("HorizontalPodAutoscaler", "PodDisruptionBudget", "PrometheusRule", "CronJob",
                "ExternalSecret", "PersistentVolumeClaim")) {
            assertThat(r.ofKind(kind)).as(kind).isEmpty();
        }
        assertThat(r.ofKind("Deployment")).hasSize(1);
        assertThat(Map.of("dashboards", r.ofKind("ConfigMap").size())).containsEntry("dashboards", 1);
    }
}

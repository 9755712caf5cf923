package io.precis.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;

/** The container image's Jib configuration in app/pom.xml (no registry here to build it) and the prod canary overlay. */
class ImageAndCanaryTest {

    @Test
    void jibBuildsANonRootJre17ImageOfTheAppWithTheProdProfile() throws Exception {
        Document pom = xml(Repo.ROOT.resolve("app/pom.xml"));
        Element jib = plugin(pom, "jib-maven-plugin");
        assertThat(jib).as("jib-maven-plugin in app/pom.xml").isNotNull();
        assertThat(text(jib, "configuration/from/image")).matches("eclipse-temurin:17-jre(@sha256:[0-9a-f]{64})?");
        assertThat(text(jib, "configuration/container/user")).isEqualTo("10001:10001");
        assertThat(texts(jib, "configuration/container/ports/port")).containsExactly("8080", "8081");
        assertThat(texts(jib, "configuration/container/args/arg")).containsExactly("--spring.profiles.active=prod");
        assertThat(text(jib, "configuration/container/mainClass")).isEqualTo("io.precis.app.PrecisApplication");
        assertThat(text(jib, "configuration/container/environment/JAVA_TOOL_OPTIONS")).contains("-Djava.io.tmpdir=/tmp");
        // Never bound to a phase: ./precis test and CI's test job have no registry to push to.
        assertThat(jib.getElementsByTagName("executions").getLength()).isZero();
        // Only the app is containerised; the parent skips every other module of `-pl app -am`, and pins the version.
        Document root = xml(Repo.ROOT.resolve("pom.xml"));
        assertThat(text(root.getDocumentElement(), "properties/jib.skip")).isEqualTo("true");
        assertThat(text(pom.getDocumentElement(), "properties/jib.skip")).isEqualTo("false");
        assertThat(text(root.getDocumentElement(), "properties/jib-maven-plugin.version")).isEqualTo("3.5.2");
        // The production profile is what makes the image's contents the runnable jar's: no vaadin-dev, prebuilt bundle.
        assertThat(Repo.read(Repo.ROOT.resolve("app/pom.xml"))).contains("<id>production</id>");
        assertThat(Repo.ROOT.resolve("Dockerfile")).doesNotExist();
    }

    @Test
    void theWorkflowsBuildTheImageWithJibAndSignTheDigestItPushed() {
        for (String name : List.of("preview.yml", "deploy-env.yml")) {
            String wf = Repo.read(Repo.WORKFLOWS.resolve(name));
            assertThat(wf).as(name).contains("./mvnw -B -ntp -Pproduction -pl app -am -DskipTests package jib:build",
                    "app/target/jib-image.digest", "cosign sign --yes \"${IMAGE}@${DIGEST}\"", "anchore/sbom-action",
                    "anchore/scan-action");
            assertThat(wf).as(name).doesNotContain("docker/build-push-action", "docker/setup-buildx-action");
        }
    }

    /** The canary as deploy-env.yml installs it: release sum-prod-canary in sum-prod, prod's values plus the overlay. */
    static Charts.Rendered renderCanary() {
        String yaml = new Helm(Repo.CHART).template().withName("sum-prod-canary").withNamespace("sum-prod")
                .withKubeVersion(Charts.KUBE_VERSION)
                .withValuesFile(Charts.valuesFile("prod")).withValuesFile(Repo.CHART.resolve("values-canary.yaml"))
                .set("fullnameOverride", "sum-prod-canary").call();
        return new Charts.Rendered("prod", "sum-prod-canary", "sum-prod", yaml, Charts.parseAll(yaml));
    }

    @Test
    void theCanaryReachesProdsVllmThroughBothReleasesNetworkPolicies() {
        Charts.Rendered canary = renderCanary();
        Charts.Rendered prod = Charts.render("prod");
        List<JsonNode> policies = new ArrayList<>(prod.ofKind("NetworkPolicy"));
        policies.addAll(canary.ofKind("NetworkPolicy"));
        NetPol.Pod canaryApi = NetPol.Pod.of(canary.one("Deployment", "sum-prod-canary-api"));
        NetPol.Pod prodApi = NetPol.Pod.of(prod.one("Deployment", "sum-prod-api"));
        NetPol.Pod vllm = NetPol.Pod.of(prod.one("Deployment", "sum-prod-vllm"));
        // The vLLM container's port 8000 is named http: egress rules number it, ingress rules name it.
        assertThat(NetPol.allowed(policies, canaryApi, vllm, 8000, "http")).as("canary API -> prod vLLM").isTrue();
        assertThat(NetPol.allowed(policies, prodApi, vllm, 8000, "http")).as("prod API -> prod vLLM").isTrue();
        // It takes both releases' policies: the canary's egress rule and prod's ingress rule.
        assertThat(NetPol.allowed(canary.ofKind("NetworkPolicy"), canaryApi, vllm, 8000, "http")).isFalse();
        assertThat(NetPol.allowed(prod.ofKind("NetworkPolicy"), canaryApi, vllm, 8000, "http")).isFalse();
        NetPol.Pod stranger = new NetPol.Pod("sum-prod", Map.of("app.kubernetes.io/name", "precis",
                "app.kubernetes.io/instance", "someone-else", "app.kubernetes.io/component", "api"));
        assertThat(NetPol.allowed(policies, stranger, vllm, 8000, "http")).as("another release's API -> prod vLLM").isFalse();
        assertThat(NetPol.allowed(policies, canaryApi, vllm, 9000, "metrics")).as("another port").isFalse();
        // The canary fetches web pages for research like prod does.
        assertThat(NetPol.allowedToAddress(policies, canaryApi, "93.184.215.14", 443)).isTrue();
    }

    @Test
    void prodCanaryIsOnePodBehindTheCanaryIngressSharingProdsBackends() {
        Charts.Rendered r = renderCanary();
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

    static Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    /** The build plugin (not a pluginManagement entry) with this artifactId. */
    static Element plugin(Document pom, String artifactId) throws Exception {
        NodeList plugins = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("/project/build/plugins/plugin[artifactId='" + artifactId + "']", pom, XPathConstants.NODESET);
        return plugins.getLength() == 1 ? (Element) plugins.item(0) : null;
    }

    static String text(Element from, String path) throws Exception {
        List<String> all = texts(from, path);
        assertThat(all).as(path).hasSize(1);
        return all.get(0);
    }

    static List<String> texts(Element from, String path) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, from, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().trim());
        }
        return out;
    }
}

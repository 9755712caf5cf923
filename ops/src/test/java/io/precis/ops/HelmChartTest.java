package io.precis.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;

/** helm lint --strict and helm template for every values file, and what the rendered objects must satisfy. */
class HelmChartTest {

    static Stream<Arguments> environments() {
        return Stream.of(
                Arguments.of("dev", "sum-dev", "api-dev.example.com", "sum_dev"),
                Arguments.of("test", "sum-test", "api-test.example.com", "sum_test"),
                Arguments.of("staging", "sum-staging", "api-staging.example.com", "sum_staging"),
                Arguments.of("prod", "sum-prod", "api.example.com", "sum_prod"));
    }

    @Test
    void lintStrictWithDefaultValues() {
        LintResult result = Charts.lint(null);
        assertThat(result.isFailed()).as("helm lint --strict:\n%s", String.join("\n", result.getMessages())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test", "staging", "prod"})
    void lintStrictWithEachValuesFile(String env) {
        LintResult result = Charts.lint(env);
        assertThat(result.isFailed()).as("helm lint --strict -f values-%s.yaml:\n%s", env, String.join("\n", result.getMessages()))
                .isFalse();
    }

    @Test
    void defaultValuesRender() {
        Charts.Rendered r = Charts.render(null, "precis", "precis", Map.of());
        assertThat(r.ofKind("Deployment")).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void namespaceHostAndDatabasePerEnvironment(String env, String namespace, String host, String database) {
        Charts.Rendered r = Charts.render(env);
        assertNamespaceAndHost(r, namespace, host);
        JsonNode config = r.one("ConfigMap", r.release() + "-config");
        assertThat(config.at("/data/PGDATABASE").asText()).isEqualTo(database);
        assertThat(config.at("/data/SPRING_PROFILES_ACTIVE").asText()).isEqualTo("prod");
        assertThat(config.at("/data/MANAGEMENT_PORT").asText()).isEqualTo("8081");
        assertThat(r.objects()).allSatisfy(o -> assertThat(o.at("/metadata/labels/env").asText()).isEqualTo(env));
    }

    @Test
    void pullRequestPreviewGetsItsOwnNamespaceAndHost() {
        Charts.Rendered r = Charts.renderPreview(42);
        assertNamespaceAndHost(r, "sum-pr-42", "api-pr-42.example.com");
        assertThat(r.one("ConfigMap", "sum-pr-42-config").at("/data/PGDATABASE").asText()).isEqualTo("sum_test");
        assertThat(r.one("Deployment", "sum-pr-42-api").at("/spec/template/spec/containers/0/env").toString())
                .contains("sum-pr-42-secrets");
    }

    private static void assertNamespaceAndHost(Charts.Rendered r, String namespace, String host) {
        assertThat(r.objects()).allSatisfy(o -> assertThat(o.at("/metadata/namespace").asText())
                .as("%s %s", o.path("kind").asText(), o.at("/metadata/name").asText()).isEqualTo(namespace));
        List<JsonNode> ingresses = r.ofKind("Ingress");
        assertThat(ingresses).hasSize(1);
        JsonNode ingress = ingresses.get(0);
        assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo(host);
        assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test", "staging", "prod"})
    void ingressExposesOnlyTheMainPort(String env) {
        Charts.Rendered r = Charts.render(env);
        JsonNode ingress = r.ofKind("Ingress").get(0);
        List<JsonNode> paths = new ArrayList<>();
        ingress.at("/spec/rules").forEach(rule -> rule.at("/http/paths").forEach(paths::add));
        assertThat(paths).isNotEmpty().allSatisfy(p -> {
            String service = p.at("/backend/service/name").asText();
            assertThat(service).isEqualTo(r.release() + "-api");
            assertThat(p.at("/backend/service/port/name").asText()).isEqualTo("http");
            JsonNode svc = r.one("Service", service);
            assertThat(svc.at("/spec/ports")).hasSize(1);
            assertThat(svc.at("/spec/ports/0/port").asInt()).isEqualTo(8080);
        });
        JsonNode management = r.one("Service", r.release() + "-api-management");
        assertThat(management.at("/spec/type").asText()).isEqualTo("ClusterIP");
        assertThat(management.at("/spec/ports/0/port").asInt()).isEqualTo(8081);
    }

    @Test
    void prodRunsThreeReplicasWithAutoscalingAndDisruptionBudget() {
        Charts.Rendered r = Charts.render("prod");
        JsonNode hpa = r.one("HorizontalPodAutoscaler", "sum-prod-api");
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(3);
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo("sum-prod-api");
        // With the HPA on, the Deployment leaves replicas to it (a helm upgrade must not scale it back down).
        JsonNode api = r.one("Deployment", "sum-prod-api");
        assertThat(api.at("/spec/replicas").isMissingNode()).isTrue();
        assertThat(Charts.readYaml(Charts.valuesFile("prod")).at("/api/replicas").asInt()).isEqualTo(3);
        JsonNode pdb = r.one("PodDisruptionBudget", "sum-prod-api");
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(2);
        assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(api.at("/spec/selector/matchLabels"));

        JsonNode container = api.at("/spec/template/spec/containers/0");
        assertThat(container.at("/resources/requests/cpu").asText()).isEqualTo("500m");
        assertThat(container.at("/resources/requests/memory").asText()).isEqualTo("1Gi");
        assertThat(container.at("/resources/limits/cpu").asText()).isEqualTo("2");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("3Gi");

        JsonNode config = r.one("ConfigMap", "sum-prod-config");
        assertThat(config.at("/data/MODEL_ID").asText()).isEqualTo("mistralai/Mistral-7B-Instruct-v0.3");
        assertThat(config.at("/data/VLLM_URL").asText()).isEqualTo("http://sum-prod-vllm:8000/v1");
        assertThat(r.one("Service", "sum-prod-vllm").at("/spec/ports/0/port").asInt()).isEqualTo(8000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test"})
    void smallEnvironmentsHaveNoAutoscaling(String env) {
        Charts.Rendered r = Charts.render(env);
        assertThat(r.ofKind("HorizontalPodAutoscaler")).isEmpty();
        assertThat(r.one("Deployment", r.release() + "-api").at("/spec/replicas").asInt()).isEqualTo(1);
    }

    @Test
    void prodVllmServesTheModelOnAGpuWithProbesAndAModelCache() {
        Charts.Rendered r = Charts.render("prod");
        JsonNode vllm = r.one("Deployment", "sum-prod-vllm");
        JsonNode c = vllm.at("/spec/template/spec/containers/0");
        assertThat(c.at("/image").asText()).startsWith("vllm/vllm-openai:");
        assertThat(c.at("/args").toString()).contains("--model=$(MODEL_ID)");
        assertThat(c.at("/resources/limits").path("nvidia.com/gpu").asInt()).isEqualTo(1);
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertThat(c.path(probe).at("/httpGet/path").asText()).as(probe).isEqualTo("/health");
        }
        assertThat(vllm.at("/spec/template/spec/volumes").toString()).contains("sum-prod-vllm-models");
        assertThat(r.one("PersistentVolumeClaim", "sum-prod-vllm-models").at("/spec/resources/requests/storage").asText())
                .isEqualTo("100Gi");
    }

    @Test
    void loraAdaptersAreOptional() {
        Charts.Rendered r = Charts.render("prod", "sum-prod", "sum-prod",
                Map.of("vllm.lora.enabled", "true", "vllm.lora.adapters[0].name", "precis-rlhf",
                        "vllm.lora.adapters[0].path", "/models/lora/precis-rlhf"));
        String args = r.one("Deployment", "sum-prod-vllm").at("/spec/template/spec/containers/0/args").toString();
        assertThat(args).contains("--enable-lora", "--lora-modules", "precis-rlhf=/models/lora/precis-rlhf");
        assertThat(Charts.render("prod").one("Deployment", "sum-prod-vllm").toString()).doesNotContain("--enable-lora");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test", "staging", "prod"})
    void everyContainerIsNonRootReadOnlyWithoutCapabilities(String env) {
        Charts.Rendered r = Charts.render(env);
        List<JsonNode> podSpecs = new ArrayList<>();
        r.ofKind("Deployment").forEach(d -> podSpecs.add(d.at("/spec/template/spec")));
        r.ofKind("CronJob").forEach(j -> podSpecs.add(j.at("/spec/jobTemplate/spec/template/spec")));
        assertThat(podSpecs).isNotEmpty();
        for (JsonNode pod : podSpecs) {
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as("service-account token").isFalse();
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            List<JsonNode> containers = new ArrayList<>();
            pod.path("containers").forEach(containers::add);
            pod.path("initContainers").forEach(containers::add);
            for (JsonNode c : containers) {
                JsonNode sc = c.path("securityContext");
                String what = env + " container " + c.path("name").asText();
                assertThat(sc.path("runAsNonRoot").asBoolean()).as(what + " runAsNonRoot").isTrue();
                assertThat(sc.path("runAsUser").asInt(0)).as(what + " runAsUser").isPositive();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(what + " readOnlyRootFilesystem").isTrue();
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(what + " allowPrivilegeEscalation").isFalse();
                assertThat(sc.path("privileged").asBoolean(false)).as(what + " privileged").isFalse();
                assertThat(sc.at("/capabilities/drop").toString()).as(what + " capabilities").contains("\"ALL\"");
                assertThat(sc.at("/capabilities/add").isMissingNode()).as(what + " adds no capability").isTrue();
                assertThat(sc.at("/seccompProfile/type").asText()).as(what + " seccomp").isEqualTo("RuntimeDefault");
                assertThat(c.at("/resources/limits/memory").isMissingNode()).as(what + " memory limit").isFalse();
                // Writable paths exist only as volumes (emptyDir /tmp, vLLM's shm and model cache).
                assertThat(c.path("volumeMounts").toString()).as(what).contains("\"/tmp\"");
            }
            pod.path("volumes").forEach(v -> assertThat(v.has("emptyDir") || v.has("persistentVolumeClaim"))
                    .as("volume %s", v.path("name").asText()).isTrue());
            pod.path("volumes").forEach(v -> assertThat(v.has("hostPath")).isFalse());
        }
        for (JsonNode sa : r.ofKind("ServiceAccount")) {
            assertThat(sa.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test", "staging", "prod"})
    void networkPoliciesDenyByDefaultAndAllowOnlyWhatIsNeeded(String env) {
        Charts.Rendered r = Charts.render(env);
        List<JsonNode> policies = r.ofKind("NetworkPolicy");
        JsonNode deny = policies.stream().filter(p -> p.at("/spec/podSelector").isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError(env + ": no default-deny NetworkPolicy"));
        assertThat(deny.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
        assertThat(deny.at("/spec/ingress").isMissingNode() || deny.at("/spec/ingress").isEmpty()).isTrue();
        assertThat(deny.at("/spec/egress").isMissingNode() || deny.at("/spec/egress").isEmpty()).isTrue();

        for (JsonNode p : policies) {
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : p.at("/spec/" + direction)) {
                    for (JsonNode peer : rule.path(direction.equals("ingress") ? "from" : "to")) {
                        for (String sel : List.of("podSelector", "namespaceSelector")) {
                            if (peer.has(sel)) {
                                assertThat(peer.get(sel).has("matchLabels") || peer.get(sel).has("matchExpressions"))
                                        .as("%s %s peer %s is a LabelSelector", env, p.at("/metadata/name").asText(), sel).isTrue();
                            }
                        }
                    }
                }
            }
        }
        JsonNode api = r.one("NetworkPolicy", r.release() + "-api");
        String ingress = api.at("/spec/ingress").toString();
        assertThat(ingress).contains("ingress-nginx", "\"port\":\"http\"", "\"port\":\"management\"", "monitoring");
        String egress = api.at("/spec/egress").toString();
        assertThat(egress).as("DNS").contains("\"port\":53");
        assertThat(egress).as("PostgreSQL").contains("\"port\":5432");
        if (!env.equals("test")) {
            assertThat(egress).as("search providers").contains("searxng");
        }
        if (r.ofKind("Deployment").stream().anyMatch(d -> d.at("/metadata/name").asText().endsWith("-vllm"))) {
            assertThat(egress).as("vLLM").contains("\"app.kubernetes.io/component\":\"vllm\"", "\"port\":8000");
            JsonNode vllm = r.one("NetworkPolicy", r.release() + "-vllm");
            assertThat(vllm.at("/spec/ingress/0/from").toString()).contains("\"app.kubernetes.io/component\":\"api\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test", "staging", "prod"})
    void researchFetchesPublicWebServersButNeverPrivateOrMetadataAddresses(String env) {
        Charts.Rendered r = Charts.render(env);
        List<JsonNode> policies = r.ofKind("NetworkPolicy");
        NetPol.Pod api = NetPol.Pod.of(r.one("Deployment", r.release() + "-api"));
        boolean usesTheWeb = !env.equals("test");
        for (String publicAddress : List.of("93.184.215.14", "1.1.1.1", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")) {
            for (int port : List.of(80, 443)) {
                assertThat(NetPol.allowedToAddress(policies, api, publicAddress, port))
                        .as("%s: API -> %s:%d", env, publicAddress, port).isEqualTo(usesTheWeb);
            }
            assertThat(NetPol.allowedToAddress(policies, api, publicAddress, 22)).as("%s: port 22", env).isFalse();
        }
        for (String internal : List.of("10.1.2.3", "172.16.5.4", "172.31.255.1", "192.168.1.1", "169.254.169.254",
                "100.64.1.1", "100.127.0.1", "fd00:ec2::254", "fe80::1")) {
            for (int port : List.of(80, 443)) {
                assertThat(NetPol.allowedToAddress(policies, api, internal, port))
                        .as("%s: API -> %s:%d", env, internal, port).isFalse();
            }
        }
        // The PostgreSQL CIDR rule still admits the database (and only on its port).
        if (env.equals("prod")) {
            assertThat(NetPol.allowedToAddress(policies, api, "10.30.0.5", 5432)).isTrue();
            assertThat(NetPol.allowedToAddress(policies, api, "10.30.0.5", 443)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "test", "staging", "prod"})
    void maintenancePodsReachDnsAndPostgresqlAndNothingElse(String env) {
        Charts.Rendered r = Charts.render(env);
        List<JsonNode> policies = r.ofKind("NetworkPolicy");
        NetPol.Pod api = NetPol.Pod.of(r.one("Deployment", r.release() + "-api"));
        Map<String, String> labels = new java.util.LinkedHashMap<>(api.labels());
        labels.put("app.kubernetes.io/component", "maintenance");
        NetPol.Pod maintenance = new NetPol.Pod(api.namespace(), labels);
        NetPol.Pod dns = new NetPol.Pod("kube-system", Map.of("k8s-app", "kube-dns"));
        assertThat(NetPol.allowed(policies, maintenance, dns, 53, "dns")).as("%s: DNS", env).isTrue();
        String databaseAddress = Map.of("prod", "10.30.0.5", "staging", "10.20.0.5").get(env);
        if (databaseAddress != null) {
            assertThat(NetPol.allowedToAddress(policies, maintenance, databaseAddress, 5432)).as("%s: PostgreSQL", env).isTrue();
            assertThat(NetPol.allowedToAddress(policies, maintenance, databaseAddress, 443)).as("%s: another port", env).isFalse();
        } else {
            NetPol.Pod postgres = new NetPol.Pod(api.namespace(), Map.of("app.kubernetes.io/name", "postgresql"));
            assertThat(NetPol.egressAllowed(policies, maintenance, postgres, 5432, "postgresql")).as("%s: PostgreSQL", env).isTrue();
            assertThat(NetPol.egressAllowed(policies, maintenance, postgres, 443, "https")).as("%s: another port", env).isFalse();
        }
        assertThat(NetPol.allowedToAddress(policies, maintenance, "93.184.215.14", 443)).as("%s: the web", env).isFalse();
        assertThat(NetPol.allowed(policies, maintenance, api, 8080, "http")).as("%s: the API", env).isFalse();
    }

    @Test
    void networkPolicyEvaluatorSeesABlockedPath() {
        // The evaluator itself: a policy set without the web rule blocks the same public address.
        Charts.Rendered off = Charts.render("prod", "sum-prod", "sum-prod", Map.of("networkPolicy.webEgress.enabled", "false"));
        NetPol.Pod api = NetPol.Pod.of(off.one("Deployment", "sum-prod-api"));
        assertThat(NetPol.allowedToAddress(off.ofKind("NetworkPolicy"), api, "93.184.215.14", 443)).isFalse();
        assertThat(NetPol.inCidr("100.64.0.0/10", "100.127.255.255")).isTrue();
        assertThat(NetPol.inCidr("100.64.0.0/10", "100.128.0.0")).isFalse();
        assertThat(NetPol.inCidr("fc00::/7", "fdff::1")).isTrue();
        assertThat(NetPol.inCidr("0.0.0.0/0", "::1")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("environments")
    void serviceMonitorsScrapeTheManagementPort(String env) {
        Charts.Rendered r = Charts.render(env);
        JsonNode sm = r.one("ServiceMonitor", r.release() + "-api");
        JsonNode endpoint = sm.at("/spec/endpoints/0");
        assertThat(endpoint.path("port").asText()).isEqualTo("management");
        assertThat(endpoint.path("path").asText()).isEqualTo("/actuator/prometheus");
        String expected = env.equals("prod") || env.equals("staging") ? "15s" : "30s";
        assertThat(endpoint.path("interval").asText()).isEqualTo(expected);
        if (env.equals("prod")) {
            assertThat(r.one("ServiceMonitor", "sum-prod-vllm").at("/spec/endpoints/0/interval").asText()).isEqualTo("15s");
        }
    }

    @Test
    void prodAlertThresholds() {
        Map<String, JsonNode> alerts = Charts.alerts(Charts.ruleFile(Charts.render("prod")));
        assertThat(alerts.get("PrecisHighErrorRate").path("expr").asText()).endsWith("> 0.01");
        assertThat(alerts.get("PrecisHighLatencyP95").path("expr").asText()).endsWith("> 0.8");
        Map<String, JsonNode> dev = Charts.alerts(Charts.ruleFile(Charts.render("dev")));
        assertThat(dev.get("PrecisHighLatencyP95").path("expr").asText()).endsWith("> 2.5");
        assertThat(dev).doesNotContainKey("VllmDown");
        assertThat(alerts).containsKeys("VllmDown", "VllmQueueDepthHigh", "VllmTimeToFirstTokenHigh");
    }

    @Test
    void secretsComeFromExternalSecretsInProdAndAreNeverRendered() {
        Charts.Rendered prod = Charts.render("prod");
        JsonNode es = prod.one("ExternalSecret", "sum-prod-secrets");
        assertThat(es.path("apiVersion").asText()).isEqualTo("external-secrets.io/v1");
        assertThat(es.at("/spec/target/name").asText()).isEqualTo("sum-prod-secrets");
        assertThat(externalSecretKeys(es)).containsExactly("PGPASSWORD", "PRECIS_ADMIN_PASSWORD", "HF_TOKEN");
        for (String env : Charts.ENVS) {
            assertThat(Charts.render(env).ofKind("Secret")).as(env).isEmpty();
        }
        assertThat(Charts.render("dev").one("Deployment", "sum-dev-api").toString()).contains("precis-dev-secrets");
    }

    @Test
    void theExternalSecretRequestsOptionalKeysOnlyWhenListed() {
        Map<String, String> on = Map.of("secrets.existingSecret", "", "secrets.externalSecret.enabled", "true");
        JsonNode plain = Charts.render("dev", "sum-dev", "sum-dev", on).one("ExternalSecret", "sum-dev-secrets");
        assertThat(externalSecretKeys(plain)).containsExactly("PGPASSWORD", "PRECIS_ADMIN_PASSWORD");
        Map<String, String> withOptional = new HashMap<>(on);
        withOptional.put("secrets.externalSecret.optionalKeys[0]", "VLLM_API_KEY");
        withOptional.put("secrets.externalSecret.optionalKeys[1]", "PRECIS_BOOTSTRAP_API_KEY");
        JsonNode listed = Charts.render("dev", "sum-dev", "sum-dev", withOptional).one("ExternalSecret", "sum-dev-secrets");
        assertThat(externalSecretKeys(listed))
                .containsExactly("PGPASSWORD", "PRECIS_ADMIN_PASSWORD", "VLLM_API_KEY", "PRECIS_BOOTSTRAP_API_KEY");
        assertThat(listed.at("/spec/data/2/remoteRef/key").asText()).isEqualTo("precis/dev");
        assertThat(listed.at("/spec/data/2/remoteRef/property").asText()).isEqualTo("VLLM_API_KEY");
        // A typo is refused instead of breaking the sync at run time.
        Map<String, String> typo = new HashMap<>(on);
        typo.put("secrets.externalSecret.optionalKeys[0]", "HF_TOKN");
        assertThatThrownBy(() -> Charts.render("dev", "sum-dev", "sum-dev", typo)).hasMessageContaining("HF_TOKN");
    }

    private static List<String> externalSecretKeys(JsonNode externalSecret) {
        List<String> keys = new ArrayList<>();
        externalSecret.at("/spec/data").forEach(d -> {
            assertThat(d.at("/remoteRef/property").asText()).isEqualTo(d.path("secretKey").asText());
            keys.add(d.path("secretKey").asText());
        });
        return keys;
    }

    @Test
    void nightlyTrainEvalCronJobIsOptional() {
        assertThat(Charts.render("dev").ofKind("CronJob")).isEmpty();
        JsonNode job = Charts.render("prod").one("CronJob", "sum-prod-train-eval");
        assertThat(job.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
        assertThat(job.at("/spec/jobTemplate/spec/template/spec/containers/0/args").toString()).contains("train-eval");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void dashboardsShipAsConfigMapsForTheGrafanaSidecar(String env) {
        Charts.Rendered r = Charts.render(env);
        List<Path> dashboards = Repo.list(Repo.GRAFANA, "*.json");
        List<JsonNode> maps = r.ofKind("ConfigMap").stream()
                .filter(c -> c.at("/metadata/labels/grafana_dashboard").asText().equals("1")).toList();
        assertThat(maps).hasSize(dashboards.size());
        for (Path d : dashboards) {
            String file = d.getFileName().toString();
            assertThat(maps).anySatisfy(m -> assertThat(m.at("/data").path(file).asText()).isEqualToIgnoringWhitespace(Repo.read(d)));
        }
    }
}

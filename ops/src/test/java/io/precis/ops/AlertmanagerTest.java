package io.precis.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ops/alertmanager/alertmanager.yml: amtool check-config and route tests. */
class AlertmanagerTest {

    @BeforeAll
    static void amtoolIsInstalled() {
        Tools.require("amtool", "apt-get install prometheus-alertmanager");
    }

    @Test
    void configIsValid() {
        String out = Tools.runOk(Repo.ROOT, "amtool", "check-config", Repo.ALERTMANAGER.toString());
        assertThat(out).contains("SUCCESS");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "env=dev severity=critical alertname=PrecisApiDown          | low-priority",
            "env=dev severity=warning alertname=PrecisRagHitRateLow     | low-priority",
            "env=test severity=critical alertname=PrecisHighErrorRate   | low-priority",
            "env=staging severity=critical alertname=PrecisApiDown      | oncall-pager",
            "env=staging severity=warning alertname=VllmQueueDepthHigh  | oncall-chat",
            "env=prod severity=critical alertname=PrecisHighLatencyP95  | oncall-pager",
            "env=prod severity=critical alertname=PrecisErrorBudgetFastBurn | oncall-pager",
            "env=prod severity=warning alertname=PrecisRougeLRegression | oncall-chat",
            "severity=critical alertname=Unlabelled                     | low-priority"})
    void routes(String labels, String receiver) {
        List<String> cmd = new ArrayList<>(List.of("amtool", "config", "routes", "test",
                "--config.file=" + Repo.ALERTMANAGER, "--verify.receivers=" + receiver));
        cmd.addAll(Arrays.asList(labels.trim().split("\\s+")));
        Tools.Result r = Tools.run(Repo.ROOT, cmd.toArray(String[]::new));
        assertThat(r.exitCode()).as("%s should go to %s:\n%s", labels, receiver, r.output()).isZero();
    }

    @Test
    void everyEnvironmentOfTheChartIsRouted() {
        String config = Repo.read(Repo.ALERTMANAGER);
        for (String env : Charts.ENVS) {
            assertThat(config).contains(env);
        }
        assertThat(config).doesNotContainPattern("hooks\\.slack\\.com/services/[A-Z0-9]");
    }
}

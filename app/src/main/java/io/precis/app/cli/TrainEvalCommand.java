package io.precis.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.precis.admin.training.TrainEvalJob;
import io.precis.admin.training.TrainingProperties;

/**
 * {@code ./precis train-eval [--out DIR]}: trains the reward model on the recorded preferences, tunes the policy,
 * evaluates candidate against production and registers the candidate; prints the headline numbers and exits.
 */
@Component
@ConditionalOnProperty(name = "precis.cli.command", havingValue = "train-eval")
class TrainEvalCommand implements ApplicationRunner, ExitCodeGenerator {
    private final TrainEvalJob job;
    private final TrainingProperties props;
    private int exitCode;

    TrainEvalCommand(TrainEvalJob job, TrainingProperties props) {
        this.job = job;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> raw = Arrays.asList(args.getSourceArgs());
        String out = CliOptions.option(raw, "--out");
        try {
            TrainEvalJob.Outcome outcome = job.run(out == null ? props.outPath() : Path.of(out), "cli");
            Map<String, Object> report = outcome.report();
            System.out.println("reward model " + outcome.rewardModel().label() + " (id " + outcome.rewardModel().id()
                    + "): " + report.get("reward"));
            System.out.println("candidate " + outcome.candidate().label() + " (id " + outcome.candidate().id() + ")");
            System.out.println("held-out candidate: " + report.get("heldOut"));
            System.out.println("held-out production: " + report.get("baseline"));
            System.out.println("relative change: " + report.get("change"));
            System.out.println("tuning: " + report.get("tuning"));
            System.out.println("report: " + outcome.reportJson() + " and " + outcome.reportHtml());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("precis: " + e.getMessage());
            exitCode = 2;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

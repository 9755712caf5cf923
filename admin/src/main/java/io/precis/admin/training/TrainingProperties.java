package io.precis.admin.training;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param evalData        folder of held-out evaluation sets ({@code *.jsonl} with documents and references)
 * @param evalSets        which sets of that folder to evaluate on
 * @param examplesPerSet  the first N examples of each set (0: all)
 * @param out             where scheduled and console runs write their reports
 * @param l2              L2 regularisation of the reward model
 * @param driftPenalty    weight of the squared distance to production's policy in policy tuning
 * @param maxEvaluations  the most policies tuning tries (each summarises the tuning inputs once; 24 ran out before
 *                        the search reached steps under 1/8 of a range, docs/quality.md "Feedback training")
 * @param tuningInputs    how many distinct preference inputs tuning summarises per policy
 * @param schedule        cron expression for scheduled runs; "-" for none
 */
@ConfigurationProperties("precis.training")
public record TrainingProperties(@DefaultValue("../shared/data/eval") String evalData,
        @DefaultValue({"news-cnndm-dev", "multinews-dev", "dialogue-dev"}) java.util.List<String> evalSets,
        @DefaultValue("20") int examplesPerSet, @DefaultValue(".precis/train-eval") String out,
        @DefaultValue("0.01") double l2, @DefaultValue("0.5") double driftPenalty,
        @DefaultValue("80") int maxEvaluations, @DefaultValue("20") int tuningInputs, @DefaultValue("-") String schedule) {

    // Plain strings bound, paths made here: Spring's String-to-Path conversion reads a relative value as a class path
    // resource and refuses one that starts with "..", which is the default.

    /** The folder of held-out evaluation sets, relative to the working directory unless absolute. */
    public Path evalDataPath() {
        return Path.of(evalData);
    }

    /** Where scheduled and console runs write their reports. */
    public Path outPath() {
        return Path.of(out);
    }
}

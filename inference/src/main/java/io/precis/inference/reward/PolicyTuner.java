package io.precis.inference.reward;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.precis.inference.summarize.LengthTarget;
import io.precis.inference.summarize.Mode;
import io.precis.inference.summarize.PolicyParameters;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.Summarizer;
import io.precis.inference.summarize.SummaryRequest;
import io.precis.inference.summarize.SummarySentence;

/**
 * Improves the extractive summariser's policy against a reward model by coordinate search: each parameter in turn
 * moves up or down by a step (a share of its range), a move is kept when it raises
 * {@code mean reward - driftPenalty * drift}, and the step halves after a round without a kept move. {@code drift}
 * is the squared distance to the production policy, each parameter measured as a share of its range, so the tuned
 * policy stays near what is known to work unless the reward model clearly prefers otherwise.
 */
public final class PolicyTuner {

    /** The outcome: the tuned policy, and the mean reward of production's and the tuned policy's summaries. */
    public record Result(PolicyParameters production, PolicyParameters tuned, double productionReward,
            double tunedReward, double drift, int evaluations) {

        public double rewardGain() {
            return tunedReward - productionReward;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("production", production.toMap());
            map.put("tuned", tuned.toMap());
            map.put("productionReward", productionReward);
            map.put("tunedReward", tunedReward);
            map.put("rewardGain", rewardGain());
            map.put("drift", drift);
            map.put("evaluations", evaluations);
            return map;
        }
    }

    private final Function<PolicyParameters, Summarizer> summarizers;
    private final RewardScorer reward;
    private final double driftPenalty;
    private final int maxEvaluations;

    /**
     * @param summarizers    makes a summariser with a policy (share one memoizing embedder among them)
     * @param maxEvaluations the most policies to try; each summarises every input once
     */
    public PolicyTuner(Function<PolicyParameters, Summarizer> summarizers, RewardScorer reward, double driftPenalty,
            int maxEvaluations) {
        this.summarizers = summarizers;
        this.reward = reward;
        this.driftPenalty = driftPenalty;
        this.maxEvaluations = maxEvaluations;
    }

    public Result tune(PolicyParameters production, List<List<String>> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("policy tuning needs at least one input to summarise");
        }
        PolicyParameters.Bound[] bounds = PolicyParameters.bounds();
        double productionReward = meanReward(production, inputs);
        double[] best = production.toArray();
        double bestObjective = productionReward;
        double bestReward = productionReward;
        int evaluations = 1;
        double step = 0.25;
        while (evaluations < maxEvaluations && step > 0.01) {
            boolean improved = false;
            for (int i = 0; i < best.length && evaluations < maxEvaluations; i++) {
                for (int sign : new int[] {1, -1}) {
                    if (evaluations >= maxEvaluations) {
                        break;
                    }
                    double[] trial = best.clone();
                    trial[i] += sign * step * (bounds[i].max() - bounds[i].min());
                    PolicyParameters candidate = PolicyParameters.fromArray(trial);
                    if (candidate.equals(PolicyParameters.fromArray(best))) {
                        continue;
                    }
                    double meanReward = meanReward(candidate, inputs);
                    evaluations++;
                    double objective = meanReward - driftPenalty * drift(candidate, production);
                    if (objective > bestObjective + 1e-9) {
                        best = candidate.toArray();
                        bestObjective = objective;
                        bestReward = meanReward;
                        improved = true;
                        break;
                    }
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
        PolicyParameters tuned = PolicyParameters.fromArray(best);
        return new Result(production, tuned, productionReward, bestReward, drift(tuned, production), evaluations);
    }

    double meanReward(PolicyParameters policy, List<List<String>> inputs) {
        Summarizer summarizer = summarizers.apply(policy);
        double sum = 0;
        for (List<String> documents : inputs) {
            List<SourceDocument> sources = new ArrayList<>();
            documents.forEach(text -> sources.add(new SourceDocument(null, text)));
            String summary = String.join("\n", summarizer.summarize(
                    new SummaryRequest(sources, LengthTarget.auto(), Mode.AUTO)).sentences().stream()
                    .map(SummarySentence::text).toList());
            sum += reward.score(documents, summary);
        }
        return sum / inputs.size();
    }

    static double drift(PolicyParameters a, PolicyParameters b) {
        double[] x = a.toArray();
        double[] y = b.toArray();
        PolicyParameters.Bound[] bounds = PolicyParameters.bounds();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = (x[i] - y[i]) / (bounds[i].max() - bounds[i].min());
            sum += d * d;
        }
        return sum;
    }
}

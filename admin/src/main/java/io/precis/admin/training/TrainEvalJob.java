package io.precis.admin.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.precis.admin.feedback.Datasets;
import io.precis.admin.feedback.PreferencePairs;
import io.precis.admin.models.ModelRegistry;
import io.precis.admin.models.ModelVersion;
import io.precis.admin.web.Problems;
import io.precis.inference.embed.Embedder;
import io.precis.inference.eval.EvalExample;
import io.precis.inference.eval.EvalFiles;
import io.precis.inference.eval.EvalRunner;
import io.precis.inference.eval.MiniLmTokenEncoder;
import io.precis.inference.embed.MemoizingEmbedder;
import io.precis.inference.reward.NotEnoughPairsException;
import io.precis.inference.reward.PolicyTuner;
import io.precis.inference.reward.PreferencePair;
import io.precis.inference.reward.RewardModel;
import io.precis.inference.reward.RewardScorer;
import io.precis.inference.reward.RewardTrainer;
import io.precis.inference.reward.SummaryFeatures;
import io.precis.inference.summarize.ExtractiveSummarizer;
import io.precis.inference.summarize.ModelInfo;
import io.precis.inference.summarize.PolicyParameters;

/**
 * Train and evaluate: export the preference pairs, train a reward model on them, tune the summariser's policy against
 * it (near production's policy), score candidate and production on the held-out evaluation sets, and register both
 * the reward model and the candidate policy as {@code candidate} versions with the report ({@code report.json},
 * {@code report.html}, {@code dpo.jsonl} in the output folder). One run at a time.
 */
@Service
public class TrainEvalJob {
    public static final String POLICY_NAME = "precis-extractive";
    public static final String REWARD_NAME = "precis-reward";
    private static final Logger log = LoggerFactory.getLogger(TrainEvalJob.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** What a run produced. */
    public record Outcome(ModelVersion rewardModel, ModelVersion candidate, Path reportJson, Path reportHtml,
            Map<String, Object> report) {
    }

    private final PreferencePairs preferences;
    private final Datasets datasets;
    private final ModelRegistry registry;
    private final Embedder embedder;
    private final TrainingProperties props;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final AtomicBoolean running = new AtomicBoolean();

    TrainEvalJob(PreferencePairs preferences, Datasets datasets, ModelRegistry registry, Embedder embedder,
            TrainingProperties props) {
        this.preferences = preferences;
        this.datasets = datasets;
        this.registry = registry;
        this.embedder = embedder;
        this.props = props;
    }

    public boolean running() {
        return running.get();
    }

    /**
     * @throws NotEnoughPairsException when there are too few preference pairs (nothing is registered)
     * @throws org.springframework.web.ErrorResponseException 409 while another run is in progress
     */
    public Outcome run(Path out, String actor) {
        if (!running.compareAndSet(false, true)) {
            throw Problems.of(HttpStatus.CONFLICT, "A train-eval run is already in progress.");
        }
        try {
            return train(out, actor);
        } finally {
            running.set(false);
        }
    }

    private Outcome train(Path out, String actor) {
        long started = System.nanoTime();
        String version = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").format(ZonedDateTime.now(ZoneOffset.UTC));
        List<PreferencePair> pairs = preferences.forTraining();
        log.info("train-eval {}: {} preference pairs", version, pairs.size());
        MemoizingEmbedder memo = new MemoizingEmbedder(embedder);
        SummaryFeatures features = new SummaryFeatures(memo);
        RewardModel reward = new RewardTrainer(features, props.l2(), 0.2, 42).train(pairs, version);
        List<EvalSet> sets = evalSets();
        createDirectories(out);
        writeDpo(out.resolve("dpo.jsonl"));

        ModelVersion production = registry.inStage(ModelVersion.SUMMARIZER_POLICY, "production").orElse(null);
        PolicyParameters productionPolicy = policyOf(production);
        RewardScorer scorer = new RewardScorer(features, reward);
        List<List<String>> inputs = new ArrayList<>(new LinkedHashSet<>(pairs.stream().map(PreferencePair::documents).toList()));
        inputs = spread(inputs, props.tuningInputs());
        PolicyTuner.Result tuning = new PolicyTuner(p -> summarizer(memo, p, "tuning"), scorer, props.driftPenalty(),
                props.maxEvaluations()).tune(productionPolicy, inputs);
        log.info("train-eval {}: reward held-out accuracy {}, reward gain {}", version, reward.heldOutAccuracy(), tuning.rewardGain());

        Comparison comparison = compare(sets, summarizer(memo, productionPolicy, "production"),
                summarizer(memo, tuning.tuned(), version), scorer);
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, Object> rewardReport = new LinkedHashMap<>();
        rewardReport.put("trainPairs", reward.trainPairs());
        rewardReport.put("heldOutPairs", reward.heldOutPairs());
        rewardReport.put("trainAccuracy", reward.trainAccuracy());
        rewardReport.put("heldOutAccuracy", reward.heldOutAccuracy());
        rewardReport.put("features", reward.features());
        ModelVersion rewardVersion = registry.register(new ModelRegistry.Registration(ModelVersion.REWARD_MODEL,
                REWARD_NAME, version, Map.of("model", toMap(reward)), Map.of("reward", rewardReport), null), actor);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("version", version);
        report.put("heldOut", comparison.candidate());
        Map<String, Object> baseline = new LinkedHashMap<>(comparison.production());
        baseline.put("modelId", production == null ? null : production.id());
        baseline.put("version", production == null ? POLICY_NAME + ":default" : production.label());
        report.put("baseline", baseline);
        report.put("change", comparison.change());
        report.put("perSet", comparison.perSet());
        report.put("reward", rewardReport);
        report.put("rewardModelId", rewardVersion.id());
        report.put("tuning", tuning.toMap());
        report.put("evalSets", sets.stream().map(s -> s.name() + " (" + s.examples().size() + " examples)").toList());
        report.put("durationSeconds", seconds);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("policy", tuning.tuned().toMap());
        config.put("rewardModelId", rewardVersion.id());
        ModelVersion candidate = registry.register(new ModelRegistry.Registration(ModelVersion.SUMMARIZER_POLICY,
                POLICY_NAME, version, config, report, production == null ? null : production.id()), actor);
        report.put("candidateId", candidate.id());

        Path reportJson = out.resolve("report.json");
        Path reportHtml = out.resolve("report.html");
        try {
            json.writeValue(reportJson.toFile(), report);
            // What the prod release gate (ops/ci/release-gate.sh) reads: the candidate against the production release.
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("version", version);
            summary.put("rougeL", comparison.candidate().get("rougeL"));
            summary.put("previousReleaseRougeL", comparison.production().get("rougeL"));
            summary.put("factualConsistency", comparison.candidate().get("factualConsistency"));
            summary.put("factualConsistencyBaseline", comparison.production().get("factualConsistency"));
            json.writeValue(out.resolve("summary.json").toFile(), summary);
            Files.writeString(reportHtml, TrainEvalReport.html(report, comparison), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + out, e);
        }
        log.info("train-eval {}: candidate {} registered in {} s", version, candidate.id(), Math.round(seconds));
        return new Outcome(rewardVersion, candidate, reportJson, reportHtml, report);
    }

    record EvalSet(String name, List<EvalExample> examples) {
    }

    /** Mean scores of production and candidate over all examples and per set, and the candidate's relative change. */
    record Comparison(Map<String, Object> production, Map<String, Object> candidate, Map<String, Object> change,
            Map<String, Object> perSet) {
    }

    private Comparison compare(List<EvalSet> sets, ExtractiveSummarizer production, ExtractiveSummarizer candidate,
            RewardScorer reward) {
        EvalRunner runner = new EvalRunner();
        Scores productionAll = new Scores();
        Scores candidateAll = new Scores();
        Map<String, Object> perSet = new LinkedHashMap<>();
        try (MiniLmTokenEncoder encoder = new MiniLmTokenEncoder()) {
            for (EvalSet set : sets) {
                Scores p = new Scores();
                Scores c = new Scores();
                score(set, runner.score(set.examples(), production, encoder), reward, p, productionAll);
                score(set, runner.score(set.examples(), candidate, encoder), reward, c, candidateAll);
                perSet.put(set.name(), Map.of("production", p.means(), "candidate", c.means()));
            }
        }
        Map<String, Object> productionMeans = productionAll.means();
        Map<String, Object> candidateMeans = candidateAll.means();
        Map<String, Object> change = new LinkedHashMap<>();
        productionMeans.forEach((metric, value) -> {
            double before = ((Number) value).doubleValue();
            double after = ((Number) candidateMeans.get(metric)).doubleValue();
            change.put(metric, metric.equals("reward") || before == 0 ? after - before : (after - before) / before);
        });
        return new Comparison(productionMeans, candidateMeans, change, perSet);
    }

    private static void score(EvalSet set, List<EvalRunner.ExampleResult> results, RewardScorer reward, Scores... into) {
        for (int i = 0; i < results.size(); i++) {
            EvalRunner.ExampleResult r = results.get(i);
            double rewardValue = reward.score(set.examples().get(i).documents(), r.summary());
            for (Scores scores : into) {
                scores.add(r, rewardValue);
            }
        }
    }

    /** Sums of the per-example scores; means() divides. */
    static final class Scores {
        private final double[] sums = new double[6];
        private int n;

        void add(EvalRunner.ExampleResult r, double reward) {
            sums[0] += r.rouge().rouge1().fmeasure();
            sums[1] += r.rouge().rouge2().fmeasure();
            sums[2] += r.rouge().rougeL().fmeasure();
            sums[3] += r.bertscore().f1();
            sums[4] += r.factuality().score();
            sums[5] += reward;
            n++;
        }

        Map<String, Object> means() {
            String[] names = {"rouge1", "rouge2", "rougeL", "bertScore", "factualConsistency", "reward"};
            Map<String, Object> means = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                means.put(names[i], n == 0 ? Double.NaN : sums[i] / n);
            }
            means.put("examples", n);
            return means;
        }
    }

    private List<EvalSet> evalSets() {
        List<EvalSet> sets = new ArrayList<>();
        for (String name : props.evalSets()) {
            Path file = props.evalDataPath().resolve(name + ".jsonl");
            if (Files.isReadable(file)) {
                sets.add(new EvalSet(name, EvalFiles.readExamples(file, props.examplesPerSet())));
            }
        }
        if (sets.isEmpty()) {
            throw new IllegalStateException("No held-out evaluation set found: looked for " + props.evalSets() + " (.jsonl) in "
                    + props.evalDataPath().toAbsolutePath().normalize() + "; set precis.training.eval-data.");
        }
        return sets;
    }

    /**
     * At most {@code n} of the items, evenly spaced over the list: pairs come in the order they were recorded, often a
     * source at a time, and the first n alone would tune the policy on one kind of text.
     */
    static <T> List<T> spread(List<T> items, int n) {
        if (items.size() <= n) {
            return items;
        }
        List<T> picked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            picked.add(items.get((int) ((long) i * items.size() / n)));
        }
        return picked;
    }

    static PolicyParameters policyOf(ModelVersion production) {
        if (production == null || !(production.config().get("policy") instanceof Map<?, ?> policy)) {
            return PolicyParameters.defaults();
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> values = (Map<String, ?>) policy;
        return PolicyParameters.fromMap(values);
    }

    private static ExtractiveSummarizer summarizer(Embedder embedder, PolicyParameters policy, String version) {
        return new ExtractiveSummarizer(embedder, policy, new ModelInfo(POLICY_NAME, version));
    }

    private Map<String, Object> toMap(RewardModel reward) {
        try {
            return json.readValue(reward.toJson(), MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeDpo(Path file) {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            datasets.writeDpo(writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void createDirectories(Path out) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out, e);
        }
    }
}

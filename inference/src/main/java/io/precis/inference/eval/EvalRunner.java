package io.precis.inference.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.precis.inference.embed.Embedder;
import io.precis.inference.embed.MiniLmEmbedder;
import io.precis.inference.llm.LlmConfig;
import io.precis.inference.llm.LlmSummarizer;
import io.precis.inference.summarize.ExtractiveSummarizer;
import io.precis.inference.summarize.LengthTarget;
import io.precis.inference.summarize.Mode;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.Summarizer;
import io.precis.inference.summarize.Summary;
import io.precis.inference.summarize.SummaryRequest;
import io.precis.inference.summarize.SummarySentence;
import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs an evaluation: summarises every example of an evaluation file (or takes the given predictions), scores
 * the summaries with ROUGE-1/2/L/Lsum and BERTScore against the references and with {@link SourceSupportScore}
 * against the source documents, and writes {@code report.json}, {@code examples.jsonl} and {@code report.html}.
 * Runs offline: no database, no server (the {@code llm} backend calls the configured endpoint).
 */
public final class EvalRunner {

    /** Which summariser makes the summaries. */
    public enum Backend {
        EMBEDDED("embedded"), LLM("llm");

        private final String label;

        Backend(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Backend parse(String label) {
            return Arrays.stream(values()).filter(b -> b.label.equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "backend must be \"embedded\" or \"llm\", not \"" + label + "\""));
        }
    }

    /**
     * What to evaluate and how.
     *
     * @param lengthLabel how the length was asked for ("auto", "medium", "120 words"), for the report
     * @param limit       evaluate the first {@code limit} examples only (0: all)
     * @param predictions a JSONL file of {@code {"id","summary"}} to score instead of generating; may be null
     * @param idf         weigh BERTScore tokens by idf computed from the references
     */
    public record Options(Path data, Path out, Backend backend, Mode mode, LengthTarget length, String lengthLabel,
            int limit, Path predictions, boolean idf) {

        public Options {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(backend, "backend");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(length, "length");
            Objects.requireNonNull(lengthLabel, "lengthLabel");
        }
    }

    /** The scores of one example. ROUGE and BERTScore are against the best reference; latency is null for predictions. */
    public record ExampleResult(String id, int line, String summary, String strategy, int words, RougeScores rouge,
            BertScore.Result bertscore, SourceSupportScore.Result factuality, Double latencyMs, List<String> notices) {
    }

    /** The aggregate report (as written to report.json) and the per-example results. */
    public record Report(ObjectNode json, List<ExampleResult> examples) {
    }

    private final SentenceSplitter splitter = new SentenceSplitter();

    /**
     * Runs the evaluation and writes the reports into {@code options.out()}.
     *
     * @param progress where the progress bar goes (stderr); null for none
     * @throws EvalInputException for a bad data or predictions file
     */
    public Report run(Options options, PrintStream progress) {
        long started = System.nanoTime();
        List<EvalExample> examples = EvalFiles.readExamples(options.data(), options.limit());
        Map<String, EvalFiles.Prediction> predictions = options.predictions() == null ? null
                : matchPredictions(options, examples);
        try {
            Files.createDirectories(options.out());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + options.out(), e);
        }

        Embedder embedder = predictions == null ? new MiniLmEmbedder() : null;
        Summarizer summarizer = predictions == null ? summarizer(options.backend(), embedder) : null;
        try (MiniLmTokenEncoder encoder = new MiniLmTokenEncoder()) {
            SourceSupportScore support = new SourceSupportScore(encoder);
            IdfWeights idf = options.idf()
                    ? IdfWeights.fromTokenIds(examples.stream().flatMap(e -> e.references().stream())
                            .map(encoder::tokenIds).toList())
                    : IdfWeights.uniform();
            double loadSeconds = (System.nanoTime() - started) / 1e9;

            long loopStart = System.nanoTime();
            ProgressBar bar = progress == null ? null
                    : new ProgressBar(progress, predictions == null ? "summarise+score" : "score", examples.size());
            List<ExampleResult> results = new ArrayList<>(examples.size());
            for (EvalExample example : examples) {
                results.add(evaluate(example, predictions, summarizer, encoder, support, idf, options));
                if (bar != null) {
                    bar.step();
                }
            }
            if (bar != null) {
                bar.finish();
            }
            double loopSeconds = (System.nanoTime() - loopStart) / 1e9;

            ObjectNode json = aggregate(options, examples, results, summarizer, embedder, idf, loadSeconds, loopSeconds);
            write(options.out(), json, results);
            return new Report(json, results);
        }
    }

    /**
     * Summarises and scores examples with the given summariser (automatic length and mode, uniform BERTScore
     * weights), without writing anything: what train-eval uses to compare a candidate policy with production.
     */
    public List<ExampleResult> score(List<EvalExample> examples, Summarizer summarizer, MiniLmTokenEncoder encoder) {
        Options options = new Options(Path.of("examples"), Path.of("."), Backend.EMBEDDED, Mode.AUTO, LengthTarget.auto(),
                "auto", 0, null, false);
        SourceSupportScore support = new SourceSupportScore(encoder);
        return examples.stream()
                .map(e -> evaluate(e, null, summarizer, encoder, support, IdfWeights.uniform(), options))
                .toList();
    }

    private ExampleResult evaluate(EvalExample example, Map<String, EvalFiles.Prediction> predictions,
            Summarizer summarizer, MiniLmTokenEncoder encoder, SourceSupportScore support, IdfWeights idf,
            Options options) {
        String summary;
        String strategy;
        Double latencyMs = null;
        List<String> notices = List.of();
        if (predictions != null) {
            summary = predictions.get(example.id()).summary();
            strategy = "predictions";
        } else {
            List<SourceDocument> documents = example.documents().stream()
                    .map(text -> new SourceDocument(null, text)).toList();
            long t0 = System.nanoTime();
            Summary generated;
            try {
                generated = summarizer.summarize(new SummaryRequest(documents, options.length(), options.mode()));
            } catch (RuntimeException e) {
                throw new IllegalStateException(options.data() + ":" + example.line() + ": summarising example \""
                        + example.id() + "\" failed: " + e.getMessage(), e);
            }
            latencyMs = (System.nanoTime() - t0) / 1e6;
            summary = generated.sentences().stream().map(SummarySentence::text).collect(Collectors.joining("\n"));
            strategy = generated.strategy();
            notices = generated.notices();
        }
        String lines = oneSentencePerLine(summary);
        RougeScores rouge = Rouge.scoreMulti(example.references(), lines, true);

        List<String> texts = new ArrayList<>();
        texts.add(lines);
        texts.addAll(example.references());
        texts.addAll(example.documents());
        List<TokenEmbeddings> encoded = encoder.encodeAll(texts);
        TokenEmbeddings summaryTokens = encoded.get(0);
        BertScore.Result bert = null;
        for (int r = 0; r < example.references().size(); r++) {
            BertScore.Result result = BertScore.score(summaryTokens, encoded.get(1 + r), idf);
            if (bert == null || result.f1() > bert.f1()) {
                bert = result;
            }
        }
        int firstDocument = 1 + example.references().size();
        SourceSupportScore.Source source = support.source(example.documents(),
                encoded.subList(firstDocument, encoded.size()));
        SourceSupportScore.Result factuality = support.score(lines, summaryTokens, source);
        int words = io.precis.inference.text.Words.count(summary);
        return new ExampleResult(example.id(), example.line(), lines, strategy, words, rouge, bert, factuality,
                latencyMs, notices);
    }

    /** Splits every line into sentences and puts each on its own line, as ROUGE-Lsum expects. */
    String oneSentencePerLine(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            for (Sentence sentence : splitter.split(line)) {
                lines.add(sentence.text().strip());
            }
        }
        return String.join("\n", lines);
    }

    private static Map<String, EvalFiles.Prediction> matchPredictions(Options options, List<EvalExample> examples) {
        Map<String, EvalFiles.Prediction> predictions = EvalFiles.readPredictions(options.predictions());
        // Unknown ids are checked against the whole data file, not just the --limit examples.
        List<EvalExample> all = options.limit() > 0 ? EvalFiles.readExamples(options.data(), 0) : examples;
        java.util.Set<String> known = all.stream().map(EvalExample::id).collect(Collectors.toSet());
        List<String> unknown = predictions.values().stream().filter(p -> !known.contains(p.id()))
                .map(p -> "\"" + p.id() + "\" (line " + p.line() + ")").toList();
        if (!unknown.isEmpty()) {
            throw new EvalInputException(options.predictions() + ": " + unknown.size() + " id(s) not in "
                    + options.data() + ": " + abbreviate(unknown));
        }
        List<String> missing = examples.stream().filter(e -> !predictions.containsKey(e.id()))
                .map(e -> "\"" + e.id() + "\" (line " + e.line() + ")").toList();
        if (!missing.isEmpty()) {
            throw new EvalInputException(options.predictions() + ": no prediction for " + missing.size()
                    + " example(s) of " + options.data() + ": " + abbreviate(missing)
                    + (options.limit() > 0 ? "" : "; --limit N evaluates only the first N examples"));
        }
        return predictions;
    }

    private static String abbreviate(List<String> items) {
        return items.size() <= 10 ? String.join(", ", items)
                : String.join(", ", items.subList(0, 10)) + " and " + (items.size() - 10) + " more";
    }

    /** The summariser of a backend; the LLM one is configured from VLLM_URL, MODEL_ID and friends. */
    static Summarizer summarizer(Backend backend, Embedder embedder) {
        return switch (backend) {
            case EMBEDDED -> new ExtractiveSummarizer(embedder);
            case LLM -> {
                LlmConfig config;
                try {
                    config = LlmConfig.fromEnvironment(System.getenv());
                } catch (IllegalArgumentException e) {
                    throw new EvalInputException("--backend llm needs an OpenAI-compatible endpoint: set VLLM_URL "
                            + "(base URL) and MODEL_ID, optionally VLLM_API_KEY and LLM_CONTEXT_TOKENS ("
                            + e.getMessage() + ")");
                }
                yield new LlmSummarizer(config, embedder);
            }
        };
    }

    // --- report ------------------------------------------------------------------------------------------

    private ObjectNode aggregate(Options options, List<EvalExample> examples, List<ExampleResult> results,
            Summarizer summarizer, Embedder embedder, IdfWeights idf, double loadSeconds, double loopSeconds) {
        ObjectNode json = EvalFiles.JSON.createObjectNode();
        int n = results.size();
        json.put("n", n);
        json.put("rouge1", round(mean(results, r -> r.rouge().rouge1().fmeasure()) * 100, 2));
        json.put("rouge2", round(mean(results, r -> r.rouge().rouge2().fmeasure()) * 100, 2));
        json.put("rougeL", round(mean(results, r -> r.rouge().rougeL().fmeasure()) * 100, 2));
        json.put("rougeLsum", round(mean(results, r -> r.rouge().rougeLsum().fmeasure()) * 100, 2));
        json.put("bertscoreF1", round(mean(results, r -> r.bertscore().f1()), 4));
        json.put("bertscorePrecision", round(mean(results, r -> r.bertscore().precision()), 4));
        json.put("bertscoreRecall", round(mean(results, r -> r.bertscore().recall()), 4));
        json.put("factuality", round(mean(results, r -> r.factuality().score()), 4));
        double[] latencies = results.stream().filter(r -> r.latencyMs() != null).mapToDouble(ExampleResult::latencyMs)
                .toArray();
        if (latencies.length > 0) {
            json.put("latencyMsP50", round(percentile(latencies, 50), 1));
            json.put("latencyMsP95", round(percentile(latencies, 95), 1));
            json.put("latencyMsMean", round(Arrays.stream(latencies).average().orElse(0), 1));
        } else {
            json.putNull("latencyMsP50");
            json.putNull("latencyMsP95");
            json.putNull("latencyMsMean");
        }
        json.put("summaryWordsMean", round(results.stream().mapToInt(ExampleResult::words).average().orElse(0), 1));
        json.put("examplesPerSecond", round(n / Math.max(loopSeconds, 1e-9), 3));
        json.put("wallSeconds", round(loopSeconds, 2));
        json.put("modelLoadSeconds", round(loadSeconds, 2));

        json.put("dataset", options.data().toString());
        json.put("limit", options.limit() > 0 ? options.limit() : null);
        json.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        if (options.predictions() != null) {
            json.put("predictions", options.predictions().toString());
            json.put("backend", "predictions");
            json.putNull("mode");
            json.putNull("length");
        } else {
            json.put("backend", options.backend().label());
            json.put("mode", options.mode().label());
            json.put("length", options.lengthLabel());
            ObjectNode model = json.putObject("summarizer");
            model.put("name", summarizer.model().name());
            model.put("version", summarizer.model().version());
            ObjectNode emb = json.putObject("embeddingModel");
            emb.put("name", embedder.modelName());
            emb.put("version", embedder.modelVersion());
        }
        Map<String, Long> strategies = new TreeMap<>(results.stream()
                .collect(Collectors.groupingBy(ExampleResult::strategy, Collectors.counting())));
        ObjectNode strategyNode = json.putObject("strategies");
        strategies.forEach(strategyNode::put);
        long multiReference = examples.stream().filter(e -> e.references().size() > 1).count();

        ObjectNode rouge = json.putObject("rougeConfig");
        rouge.put("implementation", "io.precis.inference.eval.Rouge: Google rouge-score semantics "
                + "(its tokenizer, NLTK Porter stemmer), mean F1 x 100");
        rouge.put("stemming", true);
        rouge.put("lsumSplit", "summary sentences one per line (sentence splitter); references as given, one per line");
        rouge.put("multiReference", multiReference > 0
                ? multiReference + " examples with several references: best reference per variant (score_multi)"
                : "single reference");
        ObjectNode bert = json.putObject("bertscoreConfig");
        BertScore.describe(idf).forEach(bert::put);
        bert.put("against", "references (best F1 when there are several)");
        ObjectNode fact = json.putObject("factualityConfig");
        SourceSupportScore.describe().forEach((k, v) -> fact.putPOJO(k, v));
        fact.put("against", "the example's source documents");
        json.put("java", System.getProperty("java.version"));
        json.put("cpus", Runtime.getRuntime().availableProcessors());
        return json;
    }

    private static void write(Path out, ObjectNode json, List<ExampleResult> results) {
        try {
            Files.writeString(out.resolve("report.json"),
                    EvalFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n",
                    StandardCharsets.UTF_8);
            try (Writer writer = Files.newBufferedWriter(out.resolve("examples.jsonl"), StandardCharsets.UTF_8)) {
                for (ExampleResult r : results) {
                    writer.write(EvalFiles.JSON.writeValueAsString(exampleJson(r)));
                    writer.write("\n");
                }
            }
            Files.writeString(out.resolve("report.html"), HtmlReport.render(json, results), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + out, e);
        }
    }

    static ObjectNode exampleJson(ExampleResult r) {
        ObjectNode o = EvalFiles.JSON.createObjectNode();
        o.put("id", r.id());
        o.put("line", r.line());
        o.put("rouge1", round(r.rouge().rouge1().fmeasure() * 100, 2));
        o.put("rouge2", round(r.rouge().rouge2().fmeasure() * 100, 2));
        o.put("rougeL", round(r.rouge().rougeL().fmeasure() * 100, 2));
        o.put("rougeLsum", round(r.rouge().rougeLsum().fmeasure() * 100, 2));
        o.put("bertscoreF1", round(r.bertscore().f1(), 4));
        o.put("bertscorePrecision", round(r.bertscore().precision(), 4));
        o.put("bertscoreRecall", round(r.bertscore().recall(), 4));
        o.put("factuality", round(r.factuality().score(), 4));
        ArrayNode absent = o.putArray("wordsNotInSource");
        r.factuality().absent().forEach(absent::add);
        if (r.latencyMs() == null) {
            o.putNull("latencyMs");
        } else {
            o.put("latencyMs", round(r.latencyMs(), 1));
        }
        o.put("strategy", r.strategy());
        o.put("words", r.words());
        o.put("summary", r.summary());
        ArrayNode notices = o.putArray("notices");
        r.notices().forEach(notices::add);
        return o;
    }

    static double mean(List<ExampleResult> results, Function<ExampleResult, Double> metric) {
        return results.stream().mapToDouble(metric::apply).average().orElse(0);
    }

    /** Percentile with linear interpolation between closest ranks (numpy's default). */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 1) {
            return sorted[0];
        }
        double rank = p / 100 * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}

package io.precis.inference.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Validates {@link SourceSupportScore} against FRANK's human factuality judgments
 * ({@code factuality-frank-human.jsonl}, summaries of CNN/DM and XSum articles by nine systems): Spearman
 * correlation with {@code human_factuality}, beside ROUGE-1/2/L and BERTScore on the same rows, overall and per
 * dataset. Summaries are scored against their article (all rows) and, where the data holds one, against the
 * reference summary (all XSum rows; CNN/DM rows whose article is in {@code news-cnndm-dev.jsonl}).
 */
public final class FactualityValidation {

    static final String HUMAN = "factuality-frank-human.jsonl";
    static final String CNNDM_ARTICLES = "factuality-frank-cnndm-articles.jsonl";
    static final String XSUM_ARTICLES = "factuality-frank-xsum-articles.jsonl";
    static final String CNNDM_REFERENCES = "news-cnndm-dev.jsonl";
    private static final int CHUNK = 16;
    private static final int BOOTSTRAP = 1000;

    /** Metrics in table order; the first is ours. */
    static final List<String> ARTICLE_METRICS = List.of(
            "source-support score (ours)",
            "ROUGE-1 F1", "ROUGE-2 F1", "ROUGE-L F1",
            "BERTScore F1", "BERTScore precision", "BERTScore recall",
            "ROUGE-1 precision", "ROUGE-2 precision", "ROUGE-L precision");
    static final List<String> REFERENCE_METRICS = List.of(
            "source-support score (ours, vs article)",
            "ROUGE-1 F1", "ROUGE-2 F1", "ROUGE-L F1", "BERTScore F1");

    private record Row(String docId, String dataset, String system, String split, String summary, double human) {
    }

    private record Group(String name, Predicate<Row> filter) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("all", r -> true),
            new Group("CNN/DM", r -> r.dataset().equals("cnndm")),
            new Group("XSum", r -> r.dataset().equals("bbc")),
            new Group("CNN/DM FRANK valid", r -> r.dataset().equals("cnndm") && r.split().equals("valid")),
            new Group("CNN/DM FRANK test", r -> r.dataset().equals("cnndm") && r.split().equals("test")),
            new Group("XSum FRANK valid", r -> r.dataset().equals("bbc") && r.split().equals("valid")),
            new Group("XSum FRANK test", r -> r.dataset().equals("bbc") && r.split().equals("test")));

    /**
     * Scores every row, prints the table to {@code out} and writes {@code factuality-validation.json} and
     * {@code factuality-validation-rows.jsonl} into {@code outDir}.
     *
     * @param limit score only the first {@code limit} rows (0: all)
     */
    public ObjectNode run(Path dataDir, Path outDir, int limit, String command, PrintStream out, PrintStream progress) {
        List<Row> rows = readRows(dataDir.resolve(HUMAN), limit);
        Map<String, String> articles = new HashMap<>();
        readArticles(dataDir.resolve(CNNDM_ARTICLES), articles, null);
        Map<String, String> references = new HashMap<>();
        readArticles(dataDir.resolve(XSUM_ARTICLES), articles, references);
        Path cnndmReferences = dataDir.resolve(CNNDM_REFERENCES);
        if (Files.exists(cnndmReferences)) {
            readArticles(cnndmReferences, new HashMap<>(), references);
        }
        for (Row row : rows) {
            if (!articles.containsKey(row.docId())) {
                throw new EvalInputException(dataDir.resolve(HUMAN) + ": doc_id \"" + row.docId()
                        + "\" is in neither article file");
            }
        }
        List<String> docIds = rows.stream().map(Row::docId).distinct().toList();
        List<String> refIds = docIds.stream().filter(references::containsKey).toList();

        long start = System.nanoTime();
        try (MiniLmTokenEncoder encoder = new MiniLmTokenEncoder()) {
            SourceSupportScore support = new SourceSupportScore(encoder);
            int work = docIds.size() + refIds.size() + rows.size();
            ProgressBar bar = progress == null ? null : new ProgressBar(progress, "encode+score", work);
            Map<String, TokenEmbeddings> articleTokens = encode(encoder, docIds, articles, bar);
            Map<String, TokenEmbeddings> referenceTokens = encode(encoder, refIds, references, bar);
            Map<String, SourceSupportScore.Source> sources = new HashMap<>();
            for (String id : docIds) {
                sources.put(id, support.source(List.of(articles.get(id)), List.of(articleTokens.get(id))));
            }

            int n = rows.size();
            Map<String, double[]> vsArticle = new LinkedHashMap<>();
            ARTICLE_METRICS.forEach(m -> vsArticle.put(m, new double[n]));
            Map<String, double[]> vsReference = new LinkedHashMap<>();
            REFERENCE_METRICS.forEach(m -> vsReference.put(m, new double[n]));
            boolean[] hasReference = new boolean[n];
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                List<TokenEmbeddings> summaries = encoder.encodeAll(
                        rows.subList(from, to).stream().map(Row::summary).toList());
                for (int i = from; i < to; i++) {
                    Row row = rows.get(i);
                    TokenEmbeddings summary = summaries.get(i - from);
                    String article = articles.get(row.docId());
                    double ours = support.score(row.summary(), summary, sources.get(row.docId())).score();
                    RougeScores rouge = Rouge.score(article, row.summary(), true);
                    BertScore.Result bert = BertScore.score(summary, articleTokens.get(row.docId()),
                            IdfWeights.uniform());
                    double[] values = {ours, rouge.rouge1().fmeasure(), rouge.rouge2().fmeasure(),
                            rouge.rougeL().fmeasure(), bert.f1(), bert.precision(), bert.recall(),
                            rouge.rouge1().precision(), rouge.rouge2().precision(), rouge.rougeL().precision()};
                    for (int m = 0; m < values.length; m++) {
                        vsArticle.get(ARTICLE_METRICS.get(m))[i] = values[m];
                    }
                    String reference = references.get(row.docId());
                    hasReference[i] = reference != null;
                    if (reference != null) {
                        RougeScores rr = Rouge.score(reference, row.summary(), true);
                        BertScore.Result br = BertScore.score(summary, referenceTokens.get(row.docId()),
                                IdfWeights.uniform());
                        double[] refValues = {ours, rr.rouge1().fmeasure(), rr.rouge2().fmeasure(),
                                rr.rougeL().fmeasure(), br.f1()};
                        for (int m = 0; m < refValues.length; m++) {
                            vsReference.get(REFERENCE_METRICS.get(m))[i] = refValues[m];
                        }
                    }
                    if (bar != null) {
                        bar.step();
                    }
                }
            }
            if (bar != null) {
                bar.finish();
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            ObjectNode json = EvalFiles.JSON.createObjectNode();
            json.put("command", command);
            json.put("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            json.put("data", dataDir.toString());
            json.put("target", "human_factuality (FRANK, 0-1: share of summary sentences without factual errors)");
            json.put("correlation", "Spearman (ties averaged)");
            json.put("rows", n);
            json.put("seconds", EvalRunner.round(seconds, 1));
            ObjectNode metric = json.putObject("sourceSupportScore");
            SourceSupportScore.describe().forEach((k, v) -> metric.putPOJO(k, v));
            json.set("bertscore", EvalFiles.JSON.valueToTree(BertScore.describe(IdfWeights.uniform())));
            json.put("rouge", "rouge-score semantics with Porter stemming; article or reference as target, "
                    + "summary as prediction");
            ObjectNode article = json.putObject("vsArticle");
            article.put("rows", "all rows; every metric compares the summary with its source article");
            correlations(article.putObject("spearman"), rows, vsArticle, i -> true);
            bootstrap(article.putObject("bootstrapShareOursHigher"), rows, vsArticle, i -> true);
            ObjectNode reference = json.putObject("vsReference");
            reference.put("rows", "rows with a reference summary: all XSum rows (FRANK's lower-cased references) "
                    + "and the CNN/DM rows whose article is in " + CNNDM_REFERENCES
                    + "; ROUGE and BERTScore compare the summary with the reference, ours still with the article");
            correlations(reference.putObject("spearman"), rows, vsReference, i -> hasReference[i]);
            bootstrap(reference.putObject("bootstrapShareOursHigher"), rows, vsReference, i -> hasReference[i]);
            json.put("bootstrap", BOOTSTRAP + " paired resamples of the rows of each group (seed 1): the share in "
                    + "which ours has the higher Spearman correlation than the named metric");

            out.println(table("Spearman correlation with FRANK human_factuality: summary vs ARTICLE (all rows)",
                    rows, vsArticle, i -> true));
            out.println(bootstrapLine(article.get("bootstrapShareOursHigher")));
            out.println(table("Rows with a reference: ROUGE/BERTScore vs REFERENCE, ours vs article (same rows)",
                    rows, vsReference, i -> hasReference[i]));
            out.println(bootstrapLine(reference.get("bootstrapShareOursHigher")));
            out.printf(Locale.ROOT, "%d rows in %.0f s. Written: %s, %s%n", n, seconds,
                    outDir.resolve("factuality-validation.json"), outDir.resolve("factuality-validation-rows.jsonl"));
            write(outDir, json, rows, vsArticle, vsReference, hasReference);
            return json;
        }
    }

    private static Map<String, TokenEmbeddings> encode(MiniLmTokenEncoder encoder, List<String> ids,
            Map<String, String> texts, ProgressBar bar) {
        Map<String, TokenEmbeddings> encoded = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            List<TokenEmbeddings> result = encoder.encodeAll(chunk.stream().map(texts::get).toList());
            for (int k = 0; k < chunk.size(); k++) {
                encoded.put(chunk.get(k), result.get(k));
                if (bar != null) {
                    bar.step();
                }
            }
        }
        return encoded;
    }

    private interface RowFilter {
        boolean test(int row);
    }

    private static void correlations(ObjectNode node, List<Row> rows, Map<String, double[]> metrics,
            RowFilter filter) {
        for (Group group : GROUPS) {
            ObjectNode g = node.putObject(group.name());
            int[] selected = select(rows, group, filter);
            g.put("n", selected.length);
            double[] human = pick(rows.stream().mapToDouble(Row::human).toArray(), selected);
            metrics.forEach((name, values) -> {
                double rho = Spearman.correlation(pick(values, selected), human);
                if (Double.isNaN(rho)) {
                    g.putNull(name);
                } else {
                    g.put(name, EvalRunner.round(rho, 4));
                }
            });
        }
    }

    /** For each shown group and each other metric: the share of paired bootstrap resamples where ours is higher. */
    private static void bootstrap(ObjectNode node, List<Row> rows, Map<String, double[]> metrics, RowFilter filter) {
        String ours = metrics.keySet().iterator().next();
        double[] human = rows.stream().mapToDouble(Row::human).toArray();
        for (Group group : GROUPS.subList(0, 3)) {
            int[] selected = select(rows, group, filter);
            if (selected.length < 3) {
                continue;
            }
            java.util.Random random = new java.util.Random(1);
            Map<String, Integer> wins = new LinkedHashMap<>();
            metrics.keySet().stream().skip(1).forEach(m -> wins.put(m, 0));
            int[] sample = new int[selected.length];
            for (int b = 0; b < BOOTSTRAP; b++) {
                for (int k = 0; k < sample.length; k++) {
                    sample[k] = selected[random.nextInt(selected.length)];
                }
                double[] h = Spearman.ranks(pick(human, sample));
                double rhoOurs = Spearman.pearson(Spearman.ranks(pick(metrics.get(ours), sample)), h);
                for (String m : wins.keySet()) {
                    double rho = Spearman.pearson(Spearman.ranks(pick(metrics.get(m), sample)), h);
                    if (rhoOurs > rho) {
                        wins.merge(m, 1, Integer::sum);
                    }
                }
            }
            ObjectNode g = node.putObject(group.name());
            wins.forEach((m, w) -> g.put(m, EvalRunner.round((double) w / BOOTSTRAP, 3)));
        }
    }

    private static String bootstrapLine(JsonNode shares) {
        StringBuilder s = new StringBuilder("Paired bootstrap (" + BOOTSTRAP + " resamples): ours beats every other "
                + "metric above in");
        for (Iterator<Map.Entry<String, JsonNode>> it = shares.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> group = it.next();
            double min = 2;
            String weakest = "";
            for (Iterator<Map.Entry<String, JsonNode>> m = group.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> e = m.next();
                if (e.getValue().asDouble() <= min && !(e.getValue().asDouble() == min && !weakest.isEmpty())) {
                    min = e.getValue().asDouble();
                    weakest = e.getKey();
                }
            }
            s.append(String.format(Locale.ROOT, " %s: >= %.1f%% (closest: %s);", group.getKey(), min * 100, weakest));
        }
        return s.toString();
    }

    private static String table(String title, List<Row> rows, Map<String, double[]> metrics, RowFilter filter) {
        List<Group> shown = GROUPS.subList(0, 3);
        StringBuilder s = new StringBuilder();
        s.append(title).append('\n');
        s.append(String.format(Locale.ROOT, "%-42s", "metric"));
        int[][] selections = new int[shown.size()][];
        for (int g = 0; g < shown.size(); g++) {
            selections[g] = select(rows, shown.get(g), filter);
            s.append(String.format(Locale.ROOT, "%18s", shown.get(g).name() + " (n=" + selections[g].length + ")"));
        }
        s.append('\n');
        double[] human = rows.stream().mapToDouble(Row::human).toArray();
        metrics.forEach((name, values) -> {
            s.append(String.format(Locale.ROOT, "%-42s", name));
            for (int g = 0; g < shown.size(); g++) {
                double rho = Spearman.correlation(pick(values, selections[g]), pick(human, selections[g]));
                s.append(String.format(Locale.ROOT, "%18s", Double.isNaN(rho) ? "n/a"
                        : String.format(Locale.ROOT, "%.3f", rho)));
            }
            s.append('\n');
        });
        return s.toString();
    }

    private static int[] select(List<Row> rows, Group group, RowFilter filter) {
        List<Integer> selected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (filter.test(i) && group.filter().test(rows.get(i))) {
                selected.add(i);
            }
        }
        return selected.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] pick(double[] values, int[] indices) {
        double[] picked = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            picked[k] = values[indices[k]];
        }
        return picked;
    }

    private static void write(Path outDir, ObjectNode json, List<Row> rows, Map<String, double[]> vsArticle,
            Map<String, double[]> vsReference, boolean[] hasReference) {
        try {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("factuality-validation.json"),
                    EvalFiles.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
            try (Writer w = Files.newBufferedWriter(outDir.resolve("factuality-validation-rows.jsonl"))) {
                for (int i = 0; i < rows.size(); i++) {
                    Row row = rows.get(i);
                    ObjectNode o = EvalFiles.JSON.createObjectNode();
                    o.put("doc_id", row.docId());
                    o.put("dataset", row.dataset());
                    o.put("system", row.system());
                    o.put("frank_split", row.split());
                    o.put("human_factuality", row.human());
                    ObjectNode a = o.putObject("vsArticle");
                    int k = i;
                    vsArticle.forEach((name, values) -> a.put(name, EvalRunner.round(values[k], 5)));
                    if (hasReference[i]) {
                        ObjectNode r = o.putObject("vsReference");
                        vsReference.forEach((name, values) -> r.put(name, EvalRunner.round(values[k], 5)));
                    }
                    w.write(EvalFiles.JSON.writeValueAsString(o));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + outDir, e);
        }
    }

    // --- input -------------------------------------------------------------------------------------------

    private static List<Row> readRows(Path file, int limit) {
        List<Row> rows = new ArrayList<>();
        readJsonLines(file, (line, node) -> {
            if (limit > 0 && rows.size() >= limit) {
                return;
            }
            String name = file.toString();
            String summary = text(node, "summary", name, line);
            JsonNode human = node.get("human_factuality");
            if (human == null || !human.isNumber()) {
                throw EvalInputException.at(name, line, "missing number \"human_factuality\"");
            }
            rows.add(new Row(text(node, "doc_id", name, line), text(node, "dataset", name, line),
                    node.path("system").asText(""), node.path("frank_split").asText(""), summary, human.asDouble()));
        });
        return rows;
    }

    /** Reads {@code id -> documents[0]} and, when {@code references} is given, {@code id -> reference}. */
    private static void readArticles(Path file, Map<String, String> articles, Map<String, String> references) {
        readJsonLines(file, (line, node) -> {
            String id = text(node, "id", file.toString(), line);
            JsonNode documents = node.get("documents");
            if (documents == null || !documents.isArray() || documents.isEmpty() || !documents.get(0).isTextual()) {
                throw EvalInputException.at(file.toString(), line, "missing field \"documents\" (an array of texts)");
            }
            List<String> texts = new ArrayList<>();
            documents.forEach(d -> texts.add(d.asText()));
            articles.put(id, String.join("\n\n", texts));
            if (references != null && node.hasNonNull("reference")) {
                references.put(id, node.get("reference").asText());
            }
        });
    }

    /** Like {@link EvalFiles#forEachLine}, with a hint about --data when a file is missing. */
    private static void readJsonLines(Path file, BiConsumer<Integer, JsonNode> consumer) {
        if (!Files.isRegularFile(file)) {
            throw new EvalInputException(file + ": no such file (--data names the folder that holds " + HUMAN
                    + ", " + CNNDM_ARTICLES + " and " + XSUM_ARTICLES + ")");
        }
        EvalFiles.forEachLine(file, (line, node) -> {
            consumer.accept(line, node);
            return true;
        });
    }

    private static String text(JsonNode node, String field, String file, int line) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw EvalInputException.at(file, line, "missing field \"" + field + "\" (a string)");
        }
        return value.asText();
    }
}

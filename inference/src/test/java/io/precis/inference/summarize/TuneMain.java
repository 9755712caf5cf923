package io.precis.inference.summarize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.precis.inference.embed.MemoizingEmbedder;
import io.precis.inference.embed.MiniLmEmbedder;
import io.precis.inference.eval.Rouge;
import io.precis.inference.eval.RougeScores;
import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tuning harness for the extractive summariser on the dev sets (NOT a unit test: it reads ../shared, which CI does
 * not have). Prints mean ROUGE F1 x 100 (rouge-score semantics, Porter stemming; summary sentences one per line for
 * ROUGE-Lsum; {@code Rouge.scoreMulti} where an example has several {@code references}), mean summary words and the
 * strategies that ran.
 *
 * <pre>
 * ./mvnw -o -pl inference test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp inference/target/test-classes:inference/target/classes:$(cat /tmp/cp.txt) \
 *     io.precis.inference.summarize.TuneMain [news-cnndm-dev multinews-dev dialogue-dev]
 * </pre>
 *
 * System properties: {@code data} (folder, default ../shared/data/eval), {@code mode} (auto|single|map-reduce|
 * refine, default auto), {@code words} (a fixed maxWords instead of the automatic length), {@code cache} (embedding
 * cache file, default /tmp/precis-embeddings.bin; the first run fills it), {@code firstReference=true} (score against
 * {@code reference} only, even where {@code references} holds several), {@code dump=N} (print the first N
 * summaries), {@code worse=true} (print examples where Lead-3 beats the summary on ROUGE-Lsum by 8 points or more),
 * baselines instead of the summariser: {@code lead3=true} (first three sentences of each document),
 * {@code leadWords=N} (leading sentences of the first document within N words), {@code oracleLead=true} (the best
 * number of leading sentences per example, by ROUGE-1: an upper bound for length choice); and any field of
 * {@link Tuning} as {@code -Dt.FIELD=value}.
 */
public final class TuneMain {

    private TuneMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("data", "../shared/data/eval"));
        List<String> sets = args.length > 0 ? List.of(args) : List.of("news-cnndm-dev", "multinews-dev", "dialogue-dev");
        Mode mode = Mode.parse(System.getProperty("mode", "auto"));
        String words = System.getProperty("words");
        boolean lead3 = Boolean.getBoolean("lead3");
        int dump = Integer.getInteger("dump", 0);
        Tuning tuning = Tuning.fromSystemProperties();
        EmbeddingCacheFile cache = new EmbeddingCacheFile(Path.of(System.getProperty("cache", "/tmp/precis-embeddings.bin")));
        MemoizingEmbedder embedder = cache.open(new MiniLmEmbedder());
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer(embedder, tuning);
        ObjectMapper json = new ObjectMapper();
        StringBuilder table = new StringBuilder();
        for (String set : sets) {
            List<String> lines = Files.readAllLines(data.resolve(set + ".jsonl"));
            double r1 = 0, r2 = 0, rl = 0, rlsum = 0, totalWords = 0;
            long millis = 0;
            Map<String, Integer> strategies = new TreeMap<>();
            int n = 0;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
                List<SourceDocument> documents = new ArrayList<>();
                row.get("documents").forEach(d -> documents.add(new SourceDocument(null, d.asText())));
                List<String> references = new ArrayList<>();
                if (row.has("references") && !Boolean.getBoolean("firstReference")) {
                    row.get("references").forEach(r -> references.add(r.asText()));
                } else {
                    references.add(row.get("reference").asText());
                }
                String prediction;
                long start = System.nanoTime();
                if (Boolean.getBoolean("oracleLead")) {
                    List<Sentence> ss = new SentenceSplitter().split(documents.get(0).text());
                    String bestText = "";
                    double bestF = -1;
                    for (int k = 1; k <= Math.min(6, ss.size()); k++) {
                        String t = ss.subList(0, k).stream().map(Sentence::text).collect(Collectors.joining("\n"));
                        double f = Rouge.score(references.get(0), t, true).rouge1().fmeasure();
                        if (f > bestF) {
                            bestF = f;
                            bestText = t;
                        }
                    }
                    prediction = bestText;
                    totalWords += io.precis.inference.text.Words.count(bestText);
                    strategies.merge("oracle-lead", 1, Integer::sum);
                } else if (lead3) {
                    prediction = lead3(documents);
                    strategies.merge("lead-3", 1, Integer::sum);
                } else if (System.getProperty("leadWords") != null) {
                    prediction = leadWords(documents, Integer.getInteger("leadWords"));
                    strategies.merge("lead-3", 1, Integer::sum);
                } else {
                    LengthTarget length = words == null ? LengthTarget.auto() : new LengthTarget(Integer.parseInt(words));
                    Summary summary = summarizer.summarize(new SummaryRequest(documents, length, mode));
                    prediction = summary.sentences().stream().map(SummarySentence::text)
                            .collect(Collectors.joining("\n"));
                    strategies.merge(summary.strategy(), 1, Integer::sum);
                    totalWords += summary.wordCount();
                }
                millis += (System.nanoTime() - start) / 1_000_000;
                RougeScores s = references.size() > 1 ? Rouge.scoreMulti(references, prediction, true)
                        : Rouge.score(references.get(0), prediction, true);
                r1 += s.rouge1().fmeasure();
                r2 += s.rouge2().fmeasure();
                rl += s.rougeL().fmeasure();
                rlsum += s.rougeLsum().fmeasure();
                if (Boolean.getBoolean("worse")) {
                    String lead = lead3(documents);
                    RougeScores l = references.size() > 1 ? Rouge.scoreMulti(references, lead, true)
                            : Rouge.score(references.get(0), lead, true);
                    double delta = s.rougeLsum().fmeasure() - l.rougeLsum().fmeasure();
                    if (delta < -0.08) {
                        System.out.printf("==== %s RLsum ours %.1f lead3 %.1f%nREF: %s%nOUT: %s%nLEAD: %s%n",
                                row.get("id").asText(), 100 * s.rougeLsum().fmeasure(),
                                100 * l.rougeLsum().fmeasure(), references.get(0),
                                prediction.replace("\n", "\n     "), lead.replace("\n", "\n     "));
                    }
                }
                if (n < dump) {
                    System.out.printf("---- %s R1 %.1f RLsum %.1f%nREF: %s%nOUT: %s%n", row.get("id").asText(),
                            100 * s.rouge1().fmeasure(), 100 * s.rougeLsum().fmeasure(), references.get(0),
                            prediction.replace("\n", "\n     "));
                }
                n++;
            }
            table.append(String.format("%-16s n=%3d  R1 %6.2f  R2 %6.2f  RL %6.2f  RLsum %6.2f  words %6.1f  %s  %d ms%n",
                    set, n, 100 * r1 / n, 100 * r2 / n, 100 * rl / n, 100 * rlsum / n, totalWords / n, strategies,
                    millis));
        }
        cache.save(embedder);
        System.out.print(table);
    }

    /** The leading sentences of the first document that fit the budget (a baseline for choosing lengths). */
    private static String leadWords(List<SourceDocument> documents, int budget) {
        List<String> out = new ArrayList<>();
        int used = 0;
        for (Sentence s : new SentenceSplitter().split(documents.get(0).text())) {
            int w = io.precis.inference.text.Words.count(s.text());
            if (used + w > budget && !out.isEmpty()) {
                break;
            }
            out.add(s.text());
            used += w;
        }
        return String.join("\n", out);
    }

    private static String lead3(List<SourceDocument> documents) {
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> out = new ArrayList<>();
        for (SourceDocument d : documents) {
            List<Sentence> sentences = splitter.split(d.text());
            for (int i = 0; i < Math.min(3, sentences.size()); i++) {
                out.add(sentences.get(i).text());
            }
        }
        return String.join("\n", out);
    }
}

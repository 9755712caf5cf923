package io.precis.inference.reward;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.precis.inference.embed.Embedder;
import io.precis.inference.embed.Vectors;
import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;
import io.precis.inference.text.Words;

/**
 * What the reward model sees of a (source, summary) pair, as numbers:
 * <ul>
 * <li>{@code similarity}: cosine between the mean MiniLM embedding of the summary's sentences and of the source's;</li>
 * <li>{@code coverage}: share of the source's 20 most frequent content words that the summary contains;</li>
 * <li>{@code redundancy}: mean, over the summary's sentences, of the highest cosine to another summary sentence;</li>
 * <li>{@code compression}: summary words / source words;</li>
 * <li>{@code logWords}: ln(1 + summary words);</li>
 * <li>{@code leadPosition}: 1 minus the mean relative position in the source of the source sentence closest to each
 * summary sentence (1: everything from the start);</li>
 * <li>{@code support}: share of the summary's content words that occur in the source, a lexical factual-consistency
 * score (the MiniLM source-support score of the evaluation is too slow to run inside policy tuning).</li>
 * </ul>
 * Thread-safe when the embedder is.
 */
public final class SummaryFeatures {
    public static final List<String> NAMES = List.of("similarity", "coverage", "redundancy", "compression", "logWords",
            "leadPosition", "support");
    private static final int TOP_WORDS = 20;

    private final Embedder embedder;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public SummaryFeatures(Embedder embedder) {
        this.embedder = embedder;
    }

    public double[] of(List<String> documents, String summary) {
        List<String> sourceSentences = new ArrayList<>();
        for (String document : documents) {
            sentences(document).forEach(sourceSentences::add);
        }
        List<String> summarySentences = sentences(summary);
        if (sourceSentences.isEmpty() || summarySentences.isEmpty()) {
            return new double[NAMES.size()];
        }
        float[][] source = embedder.embed(sourceSentences);
        float[][] own = embedder.embed(summarySentences);

        String sourceText = String.join("\n", documents);
        List<String> sourceWords = ContentWords.of(sourceText);
        List<String> summaryWords = ContentWords.of(summary);
        int summaryWordCount = Words.count(summary);
        return new double[] {
                Vectors.cosine(mean(own), mean(source)),
                coverage(sourceWords, new HashSet<>(summaryWords)),
                redundancy(own),
                (double) summaryWordCount / Math.max(1, Words.count(sourceText)),
                Math.log1p(summaryWordCount),
                leadPosition(own, source),
                support(summaryWords, new HashSet<>(sourceWords))};
    }

    private List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (Sentence sentence : splitter.split(text)) {
            String s = sentence.text().strip();
            if (!s.isBlank()) {
                out.add(s);
            }
        }
        return out;
    }

    private static float[] mean(float[][] vectors) {
        float[] sum = new float[vectors[0].length];
        for (float[] v : vectors) {
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        double norm = 0;
        for (float x : sum) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= scale;
        }
        return sum;
    }

    private static double coverage(List<String> sourceWords, Set<String> summaryWords) {
        Map<String, Integer> counts = new HashMap<>();
        sourceWords.forEach(w -> counts.merge(w, 1, Integer::sum));
        List<String> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_WORDS).map(Map.Entry::getKey).toList();
        if (top.isEmpty()) {
            return 0;
        }
        return top.stream().filter(summaryWords::contains).count() / (double) top.size();
    }

    private static double redundancy(float[][] own) {
        if (own.length < 2) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < own.length; i++) {
            double max = -1;
            for (int j = 0; j < own.length; j++) {
                if (i != j) {
                    max = Math.max(max, Vectors.cosine(own[i], own[j]));
                }
            }
            sum += max;
        }
        return sum / own.length;
    }

    private static double leadPosition(float[][] own, float[][] source) {
        double sum = 0;
        for (float[] sentence : own) {
            int best = 0;
            double bestCosine = -2;
            for (int j = 0; j < source.length; j++) {
                double c = Vectors.cosine(sentence, source[j]);
                if (c > bestCosine) {
                    bestCosine = c;
                    best = j;
                }
            }
            sum += source.length == 1 ? 0 : (double) best / (source.length - 1);
        }
        return 1 - sum / own.length;
    }

    private static double support(List<String> summaryWords, Set<String> sourceWords) {
        if (summaryWords.isEmpty()) {
            return 0;
        }
        return summaryWords.stream().filter(sourceWords::contains).count() / (double) summaryWords.size();
    }
}

package io.precis.inference.cite;

import io.precis.inference.embed.Embedder;
import io.precis.inference.embed.Vectors;
import io.precis.inference.summarize.Citation;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.SummarySentence;
import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the source sentences that support each sentence of a generated text, by embedding similarity.
 *
 * <p>Every sentence of the output and of the sources is embedded; an output sentence cites its most similar
 * source sentence when the cosine reaches the threshold, and also the runner-up when that reaches the threshold
 * too and comes close to the best (a generated sentence often fuses two source sentences). A sentence with no
 * source sentence at the threshold gets no citations, which marks it unsupported. Citations are spans of the
 * documents' text, in document and then text order. Thread-safe when the embedder is.
 *
 * <p>Embedding similarity measures topical closeness, not entailment: a sentence that restates a source sentence
 * with a wrong number still finds it. Unsupported therefore means "nothing in the sources says anything like
 * this", which catches invented and off-topic sentences rather than subtle errors.
 */
public final class CitationMapper {

    /**
     * Calibrated with all-MiniLM-L6-v2 on a news article (the test resource harbour-article.txt): summary
     * sentences that restate, compress or fuse its sentences scored 0.62 to 0.82 against their best source
     * sentence, and plausible sentences about the same story that it does not support scored 0.30 to 0.56.
     */
    public static final double DEFAULT_THRESHOLD = 0.6;

    /** The runner-up is cited too when it is within this of the best. */
    static final double SECOND_CITATION_MARGIN = 0.1;

    private final Embedder embedder;
    private final double threshold;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public CitationMapper(Embedder embedder) {
        this(embedder, DEFAULT_THRESHOLD);
    }

    public CitationMapper(Embedder embedder, double threshold) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** Splits {@code text} into sentences and cites each. */
    public List<SummarySentence> cite(String text, List<SourceDocument> documents) {
        Objects.requireNonNull(text, "text");
        return cite(splitter.split(text).stream().map(Sentence::text).toList(), documents);
    }

    /**
     * Cites each of {@code sentences} (blank ones are dropped) in {@link SourceDocument#text()}; citations refer to
     * documents by their index in {@code documents}.
     */
    public List<SummarySentence> cite(List<String> sentences, List<SourceDocument> documents) {
        Objects.requireNonNull(sentences, "sentences");
        Objects.requireNonNull(documents, "documents");
        List<String> outputs = sentences.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
        if (outputs.isEmpty()) {
            return List.of();
        }
        List<Citation> sources = new ArrayList<>();
        List<String> sourceTexts = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            for (Sentence s : splitter.split(documents.get(d).text())) {
                sources.add(new Citation(d, s.start(), s.end()));
                sourceTexts.add(s.text());
            }
        }
        if (sources.isEmpty()) {
            return outputs.stream().map(s -> new SummarySentence(s, List.of())).toList();
        }
        // Each distinct text is embedded once, in one batch: sources repeat (boilerplate, quotes) and so do outputs.
        Map<String, Integer> distinct = new LinkedHashMap<>();
        sourceTexts.forEach(t -> distinct.putIfAbsent(t, distinct.size()));
        outputs.forEach(t -> distinct.putIfAbsent(t, distinct.size()));
        float[][] vectors = embedder.embed(new ArrayList<>(distinct.keySet()));
        if (vectors.length != distinct.size()) {
            throw new IllegalStateException(
                    "embedder returned " + vectors.length + " vectors for " + distinct.size() + " texts");
        }
        List<SummarySentence> cited = new ArrayList<>(outputs.size());
        for (String output : outputs) {
            float[] v = vectors[distinct.get(output)];
            int best = -1;
            int second = -1;
            float bestScore = Float.NEGATIVE_INFINITY;
            float secondScore = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < sources.size(); i++) {
                float score = Vectors.cosine(v, vectors[distinct.get(sourceTexts.get(i))]);
                if (score > bestScore) {
                    second = best;
                    secondScore = bestScore;
                    best = i;
                    bestScore = score;
                } else if (score > secondScore && !sourceTexts.get(i).equals(sourceTexts.get(best))) {
                    second = i;
                    secondScore = score;
                }
            }
            List<Citation> citations = new ArrayList<>(2);
            if (bestScore >= threshold) {
                citations.add(sources.get(best));
                if (second >= 0 && secondScore >= threshold && secondScore >= bestScore - SECOND_CITATION_MARGIN
                        && !sourceTexts.get(second).equals(sourceTexts.get(best))) {
                    citations.add(sources.get(second));
                }
            }
            citations.sort(Comparator.comparingInt(Citation::document).thenComparingInt(Citation::start));
            cited.add(new SummarySentence(output, citations));
        }
        return cited;
    }
}

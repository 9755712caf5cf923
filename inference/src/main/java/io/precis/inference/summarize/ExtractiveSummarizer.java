package io.precis.inference.summarize;

import io.precis.inference.embed.Embedder;
import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;
import io.precis.inference.text.Words;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Extractive summariser: picks whole source sentences and cites each one's exact span.
 *
 * <p>All sentences of all documents are embedded in one batch and scored by centrality (closeness to the
 * documents' centroid and LexRank-style degree), a lead-position prior and a length prior. Sentences are then
 * picked with redundancy removal across documents until the word budget is reached, and returned in source
 * order (document, then position) so that the summary reads in the order the sources tell it. The summary never
 * exceeds the budget, except that the best sentence is always returned even when it alone is longer. Blank
 * documents are skipped (citations still use their indices). Thread-safe: no state besides the embedder.
 */
public final class ExtractiveSummarizer implements Summarizer {

    private static final ModelInfo MODEL = new ModelInfo("precis-extractive", "1");
    private static final String STRATEGY = "single";
    private static final double CENTRALITY_WEIGHT = 0.7;
    private static final double POSITION_WEIGHT = 0.3;

    private final Embedder embedder;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public ExtractiveSummarizer(Embedder embedder) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
    }

    @Override
    public Summary summarize(SummaryRequest request) {
        Objects.requireNonNull(request, "request");
        List<Candidate> candidates = candidates(request.documents());
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no text to summarise");
        }
        float[][] vectors = embed(candidates);
        int[] words = candidates.stream().mapToInt(Candidate::words).toArray();
        List<Integer> chosen = new ArrayList<>(RedundancyAwareSelection.select(
                scores(candidates, vectors), vectors, words, request.length().maxWords()));
        Collections.sort(chosen); // candidates are numbered in source order
        List<SummarySentence> sentences = new ArrayList<>(chosen.size());
        for (int i : chosen) {
            Candidate candidate = candidates.get(i);
            Sentence sentence = candidate.sentence();
            sentences.add(new SummarySentence(sentence.text(),
                    List.of(new Citation(candidate.document(), sentence.start(), sentence.end()))));
        }
        return new Summary(sentences, MODEL, STRATEGY);
    }

    @Override
    public ModelInfo model() {
        return MODEL;
    }

    private float[][] embed(List<Candidate> candidates) {
        float[][] vectors = embedder.embed(candidates.stream().map(c -> c.sentence().text()).toList());
        if (vectors.length != candidates.size()) {
            throw new IllegalStateException(
                    "embedder returned " + vectors.length + " vectors for " + candidates.size() + " sentences");
        }
        return vectors;
    }

    private static double[] scores(List<Candidate> candidates, float[][] vectors) {
        int[] documentOf = candidates.stream().mapToInt(Candidate::document).toArray();
        double[] centrality = Centrality.of(vectors, documentOf);
        double[] scores = new double[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            Candidate candidate = candidates.get(i);
            double relevance = CENTRALITY_WEIGHT * centrality[i]
                    + POSITION_WEIGHT * Priors.position(candidate.position());
            scores[i] = relevance * Priors.length(candidate.words()) * Priors.punctuation(candidate.sentence().text());
        }
        return scores;
    }

    private List<Candidate> candidates(List<SourceDocument> documents) {
        List<Candidate> candidates = new ArrayList<>();
        for (int document = 0; document < documents.size(); document++) {
            String text = documents.get(document).text();
            if (text.isBlank()) {
                continue;
            }
            List<Sentence> sentences = splitter.split(text);
            for (int position = 0; position < sentences.size(); position++) {
                Sentence sentence = sentences.get(position);
                candidates.add(new Candidate(document, position, sentence, Words.count(sentence.text())));
            }
        }
        return candidates;
    }
}

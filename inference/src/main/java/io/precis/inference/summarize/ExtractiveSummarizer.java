package io.precis.inference.summarize;

import io.precis.inference.embed.Embedder;
import io.precis.inference.text.Chunk;
import io.precis.inference.text.Chunker;
import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;
import io.precis.inference.text.Words;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Extractive summariser: picks whole source sentences and cites each one's exact span.
 *
 * <p><b>Candidates.</b> Each document is split into sentences; run-on "sentences" of scraped pages (captions and
 * headings that lost their line breaks) are cut into pieces, and page furniture (bylines, "Scroll down for video",
 * links, publication stamps) is left out. Blank documents are skipped, but citations keep the request's document
 * indices. All candidates are embedded once, in one batch.
 *
 * <p><b>Scoring.</b> A candidate's relevance is {@code 0.3 * centrality + 0.7 * position prior}, times shape priors.
 * Centrality mixes the embedding's cosine to the centroid (the mean of per-document centroids, so that a long
 * document does not drown out short ones) with SumBasic-style term frequency. The position prior
 * {@code 1 / (1 + position)^0.75} counts per document: leads carry the gist. Shape priors scale down fragments,
 * very long sentences and lines without a terminator. Selection is greedy maximal marginal relevance: redundancy with
 * what is chosen is penalised and near-duplicates (the same sentence in two documents) are dropped.
 *
 * <p><b>Strategies</b> ({@link StrategyChooser}, with {@link #CONTEXT_BUDGET_WORDS} as the context budget):
 * <ul>
 *   <li>single: all candidates scored and selected together;</li>
 *   <li>map-reduce: each document is cut into chunks of at most 1,500 words; each chunk
 *       selects its own best sentences (against its own centroid and term counts), then these are scored again
 *       across all documents and the final selection removes cross-document redundancy;</li>
 *   <li>refine: chunks are walked in order; each revises a running selection by competing with it, against the
 *       centroid and term counts of everything read so far.</li>
 * </ul>
 *
 * <p><b>Length.</b> A fixed {@link LengthTarget} is a hard maximum that the summary fills as well as sentences allow.
 * An automatic one is a target: sentences are added, best first, while they bring the summary nearer the target,
 * and the summary stops when the best remaining sentence no longer does, instead of padding with weaker ones; it
 * never exceeds {@link LengthTarget#maxWords()}. When no sentence fits the budget at all, the best one is cut after
 * the last word that fits (its citation covers that prefix). Sentences are returned in source order (document, then
 * position). Costs: linear in the input apart from the embedding (about 300 sentences a second on two cores).
 * Thread-safe: no state besides the embedder.
 */
public final class ExtractiveSummarizer implements Summarizer {

    /**
     * The most words this backend summarises in one pass when the mode is AUTO; larger inputs use map-reduce, which
     * keeps selection local to chunks of a document.
     */
    public static final int CONTEXT_BUDGET_WORDS = 5_000;

    private static final ModelInfo MODEL = new ModelInfo("precis-extractive", "2");

    private final Embedder embedder;
    private final Tuning tuning;
    private final ModelInfo model;
    private final SentenceSplitter splitter = new SentenceSplitter();

    public ExtractiveSummarizer(Embedder embedder) {
        this(embedder, Tuning.defaults());
    }

    /** A summariser with the given policy, named as the model registry names that policy. */
    public ExtractiveSummarizer(Embedder embedder, PolicyParameters policy, ModelInfo model) {
        this(embedder, policy.tuning(), model);
    }

    ExtractiveSummarizer(Embedder embedder, Tuning tuning) {
        this(embedder, tuning, MODEL);
    }

    private ExtractiveSummarizer(Embedder embedder, Tuning tuning, ModelInfo model) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The name and version of the hand-tuned default policy. */
    public static ModelInfo defaultModel() {
        return MODEL;
    }

    @Override
    public ModelInfo model() {
        return model;
    }

    @Override
    public Summary summarize(SummaryRequest request) {
        Objects.requireNonNull(request, "request");
        Input input = read(request.documents());
        if (input.candidates.isEmpty()) {
            throw new IllegalArgumentException("no text to summarise");
        }
        Mode strategy = StrategyChooser.choose(request.mode(), input.documents, input.words, CONTEXT_BUDGET_WORDS);
        Budget budget = budget(request.length(), input);
        float[][] vectors = embed(input.candidates);
        List<Integer> chosen = switch (strategy) {
            case MAP_REDUCE -> mapReduce(input, vectors, budget);
            case REFINE -> refine(input, vectors, budget);
            default -> single(input, vectors, budget);
        };
        return new Summary(sentences(input, chosen, budget), model, strategy.label());
    }

    private Budget budget(LengthTarget length, Input input) {
        int target = length.wordsFor(input.words, input.documents);
        return length.adaptive()
                ? new Budget(target, length.maxWords(), tuning.autoOvershoot, tuning.autoFillRatio)
                : new Budget(target, target, 0, 0);
    }

    // ---------------------------------------------------------------- strategies

    private List<Integer> single(Input input, float[][] vectors, Budget budget) {
        int[] all = range(0, input.candidates.size());
        double[] scores = relevance(input, all, vectors, Centrality.centroid(vectors, input.documentOf()),
                termCounts(input, all));
        return select(input, all, scores, vectors, budget);
    }

    /** Selects within each chunk on its own, then among the selected sentences of all chunks together. */
    private List<Integer> mapReduce(Input input, float[][] vectors, Budget budget) {
        Budget mapBudget = budget.scaled(tuning.mapBudgetFactor);
        List<Integer> mapped = new ArrayList<>();
        List<Double> localScores = new ArrayList<>();
        for (int[] chunk : chunks(input)) {
            float[] chunkCentroid = Centrality.centroid(subset(vectors, chunk), new int[chunk.length]);
            double[] scores = relevance(input, chunk, vectors, chunkCentroid, termCounts(input, chunk));
            for (int i : select(input, chunk, scores, vectors, mapBudget)) {
                mapped.add(i);
                localScores.add(scores[Arrays.binarySearch(chunk, i)]);
            }
        }
        int[] pool = mapped.stream().mapToInt(Integer::intValue).toArray();
        int[] all = range(0, input.candidates.size());
        double[] global = relevance(input, pool, vectors, Centrality.centroid(vectors, input.documentOf()),
                termCounts(input, all));
        double[] scores = new double[pool.length];
        for (int k = 0; k < pool.length; k++) {
            scores[k] = (1 - tuning.reduceLocalWeight) * global[k] + tuning.reduceLocalWeight * localScores.get(k);
        }
        return select(input, pool, scores, vectors, budget);
    }

    /** Walks the chunks in order, revising a running selection with each one. */
    private List<Integer> refine(Input input, float[][] vectors, Budget budget) {
        double[][] sums = new double[input.texts.size()][vectors[0].length];
        LexicalCentrality counts = new LexicalCentrality();
        List<Integer> running = new ArrayList<>();
        for (int[] chunk : chunks(input)) {
            Centrality.documentSums(subset(vectors, chunk), documentsOf(input, chunk), sums);
            for (int i : chunk) {
                counts.add(input.terms.get(i));
            }
            int[] pool = new int[running.size() + chunk.length];
            for (int k = 0; k < running.size(); k++) {
                pool[k] = running.get(k);
            }
            System.arraycopy(chunk, 0, pool, running.size(), chunk.length);
            double[] scores = relevance(input, pool, vectors, Centrality.centroidOfSums(sums), counts);
            running = select(input, pool, scores, vectors, budget);
        }
        return running;
    }

    // ---------------------------------------------------------------- scoring and selection

    /** Relevance of the candidates {@code which}: centrality and position, times shape priors. */
    private double[] relevance(Input input, int[] which, float[][] vectors, float[] centroid,
                               LexicalCentrality counts) {
        double[] semantic = Centrality.of(subset(vectors, which), centroid);
        double[] lexical = new double[which.length];
        for (int k = 0; k < which.length; k++) {
            lexical[k] = counts.score(input.terms.get(which[k]));
        }
        lexical = Centrality.scaleToUnitRange(lexical);
        double[] scores = new double[which.length];
        for (int k = 0; k < which.length; k++) {
            Candidate candidate = input.candidates.get(which[k]);
            double centrality = (1 - tuning.lexicalShare) * semantic[k] + tuning.lexicalShare * lexical[k];
            double relevance = tuning.centralityWeight * centrality
                    + tuning.positionWeight * Priors.position(candidate.position(), tuning.positionExponent);
            scores[k] = relevance * candidate.shape()
                    * Priors.length(candidate.words(), tuning.preferredMinWords, tuning.preferredMaxWords);
        }
        return scores;
    }

    private static LexicalCentrality termCounts(Input input, int[] which) {
        LexicalCentrality counts = new LexicalCentrality();
        for (int i : which) {
            counts.add(input.terms.get(i));
        }
        return counts;
    }

    /** Indices (into the candidates) chosen among {@code which}, whose scores are {@code scores}. */
    private List<Integer> select(Input input, int[] which, double[] scores, float[][] vectors, Budget budget) {
        int[] words = new int[which.length];
        for (int k = 0; k < which.length; k++) {
            words[k] = input.candidates.get(which[k]).words();
        }
        List<Integer> picked = RedundancyAwareSelection.select(scores, subset(vectors, which), words, budget.max(),
                budget.target(), budget.overshoot(), tuning.redundancyPenalty, tuning.duplicateSimilarity,
                budget.fillRatio());
        if (picked.isEmpty() && which.length > 0) {
            int best = 0;
            for (int k = 1; k < which.length; k++) {
                if (scores[k] > scores[best]) {
                    best = k;
                }
            }
            picked = List.of(best); // longer than the budget: cut to fit when the summary is written
        }
        List<Integer> chosen = new ArrayList<>(picked.size());
        for (int k : picked) {
            chosen.add(which[k]);
        }
        return chosen;
    }

    // ---------------------------------------------------------------- output

    private static List<SummarySentence> sentences(Input input, List<Integer> chosen, Budget budget) {
        List<Integer> ordered = new ArrayList<>(chosen);
        ordered.sort(null); // candidates are numbered in source order
        List<SummarySentence> sentences = new ArrayList<>(ordered.size());
        for (int i : ordered) {
            Candidate candidate = input.candidates.get(i);
            Sentence sentence = candidate.words() > budget.max()
                    ? prefix(input.texts.get(candidate.document()), candidate.sentence(), budget.max())
                    : candidate.sentence();
            sentences.add(new SummarySentence(sentence.text(),
                    List.of(new Citation(candidate.document(), sentence.start(), sentence.end()))));
        }
        return sentences;
    }

    /** The first {@code words} words of a sentence (as {@link Words#count} counts them), as a span of the text. */
    static Sentence prefix(String text, Sentence sentence, int words) {
        int counted = 0;
        int i = sentence.start();
        int end = sentence.start();
        while (i < sentence.end() && counted < words) {
            while (i < sentence.end() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int tokenStart = i;
            while (i < sentence.end() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (Words.count(text.substring(tokenStart, i)) > 0) {
                counted++;
                end = i;
            }
        }
        return new Sentence(text.substring(sentence.start(), end), sentence.start(), end);
    }

    // ---------------------------------------------------------------- input

    private Input read(List<SourceDocument> documents) {
        List<Candidate> candidates = new ArrayList<>();
        List<String> texts = new ArrayList<>(documents.size());
        List<List<Sentence>> sentencesOf = new ArrayList<>(documents.size());
        int words = 0;
        int nonBlank = 0;
        for (int document = 0; document < documents.size(); document++) {
            String text = documents.get(document).text();
            texts.add(text);
            List<Sentence> sentences = text.isBlank() ? List.of() : pieces(text);
            sentencesOf.add(sentences);
            if (sentences.isEmpty()) {
                continue;
            }
            nonBlank++;
            int position = 0;
            int firstOfDocument = candidates.size();
            for (Sentence sentence : sentences) {
                int count = Words.count(sentence.text());
                words += count;
                if (!Boilerplate.isBoilerplate(sentence.text(), count)) {
                    candidates.add(new Candidate(document, position++, sentence, count, shape(sentence.text())));
                }
            }
            if (candidates.size() == firstOfDocument) { // nothing but boilerplate: still better than nothing
                for (Sentence sentence : sentences) {
                    candidates.add(new Candidate(document, position++, sentence, Words.count(sentence.text()),
                            shape(sentence.text())));
                }
            }
        }
        List<Set<String>> terms = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            terms.add(LexicalCentrality.terms(candidate.sentence().text()));
        }
        return new Input(candidates, terms, texts, sentencesOf, nonBlank, words);
    }

    /** The sentences of a document, with run-on sentences cut into pieces. */
    private List<Sentence> pieces(String text) {
        List<Sentence> sentences = splitter.split(text);
        if (!tuning.splitRunOns) {
            return sentences;
        }
        List<Sentence> pieces = new ArrayList<>(sentences.size());
        for (Sentence sentence : sentences) {
            Sentence clean = RunOnSentences.withoutDateline(text, sentence);
            pieces.addAll(RunOnSentences.split(text, clean, Words.count(clean.text())));
        }
        return pieces;
    }

    private double shape(String sentence) {
        return Priors.hasTerminator(sentence) ? 1.0 : tuning.noTerminatorFactor;
    }

    /**
     * Candidate indices per chunk, in document order: each document cut by {@link Chunker} into chunks of at most
     * {@link Tuning#chunkWords} words; a candidate belongs to the chunk it starts in.
     */
    private List<int[]> chunks(Input input) {
        Chunker chunker = new Chunker(tuning.chunkWords, 0);
        List<int[]> out = new ArrayList<>();
        int next = 0;
        List<Candidate> candidates = input.candidates;
        for (int document = 0; document < input.texts.size(); document++) {
            List<Sentence> sentences = input.sentencesOf.get(document);
            if (sentences.isEmpty()) {
                continue;
            }
            for (Chunk chunk : chunker.chunk(document, input.texts.get(document), sentences)) {
                int from = next;
                while (next < candidates.size() && candidates.get(next).document() == document
                        && candidates.get(next).sentence().start() < chunk.end()) {
                    next++;
                }
                if (next > from) {
                    out.add(range(from, next));
                }
            }
        }
        return out;
    }

    private float[][] embed(List<Candidate> candidates) {
        float[][] vectors = embedder.embed(candidates.stream().map(c -> c.sentence().text()).toList());
        if (vectors.length != candidates.size()) {
            throw new IllegalStateException(
                    "embedder returned " + vectors.length + " vectors for " + candidates.size() + " sentences");
        }
        return vectors;
    }

    private static int[] documentsOf(Input input, int[] which) {
        int[] documents = new int[which.length];
        for (int k = 0; k < which.length; k++) {
            documents[k] = input.candidates.get(which[k]).document();
        }
        return documents;
    }

    private static float[][] subset(float[][] vectors, int[] which) {
        float[][] out = new float[which.length][];
        for (int k = 0; k < which.length; k++) {
            out[k] = vectors[which[k]];
        }
        return out;
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int k = 0; k < out.length; k++) {
            out[k] = from + k;
        }
        return out;
    }

    /**
     * How long the summary should be: about {@code target} words and never more than {@code max}. A sentence may
     * take it past the target by up to {@code overshoot} times the shortfall without that sentence; once the best
     * remaining sentence no longer fits, only sentences worth {@code fillRatio} of it may still be added.
     */
    private record Budget(int target, int max, double overshoot, double fillRatio) {

        /** A budget for putting candidates forward: {@code factor} times as large, and filled. */
        Budget scaled(double factor) {
            int words = Math.max(target, (int) Math.round(target * factor));
            return new Budget(words, Math.max(max, words), 0, 0);
        }
    }

    /** The documents as candidates, with what scoring needs. */
    private record Input(List<Candidate> candidates, List<Set<String>> terms, List<String> texts,
                         List<List<Sentence>> sentencesOf, int documents, int words) {

        int[] documentOf() {
            return candidates.stream().mapToInt(Candidate::document).toArray();
        }
    }
}

package io.precis.inference.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * BERTScore (Zhang et al., 2020) with all-MiniLM-L6-v2 token embeddings from {@link MiniLmTokenEncoder}
 * ({@value MiniLmTokenEncoder#MODEL}, {@value MiniLmTokenEncoder#LAYER}).
 *
 * <p>Candidate and reference are encoded separately. Every candidate token is matched to its most similar
 * reference token by cosine similarity (greedy matching) and precision is the (idf-)weighted mean of those
 * maxima; recall matches every reference token to the candidate the same way; F1 is their harmonic mean. As in
 * {@code bert-score}, there is no baseline rescaling, so unrelated English texts still score well above 0
 * (about 0.1 to 0.4 with this model) and identical texts score 1. MiniLM's vectors of the same words drift with
 * the length of their context (function words most), so a sentence scored against the article it was copied from
 * gets about 0.7 to 0.9, not 1.
 *
 * <p>Differences from {@code bert-score}: [CLS] and [SEP] are dropped from the matching altogether (bert-score
 * keeps them as match targets with weight 0), and texts longer than one model window are encoded in overlapping
 * windows (see {@link MiniLmTokenEncoder}) instead of being truncated at 512 tokens. An empty candidate or
 * reference scores 0.
 *
 * <p>Thread-safe.
 */
public final class BertScore implements AutoCloseable {

    /** Precision, recall and F1, each in [-1, 1] (in practice [0, 1]). */
    public record Result(double precision, double recall, double f1) {

        static final Result ZERO = new Result(0, 0, 0);

        static Result of(double precision, double recall) {
            double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
            return new Result(precision, recall, f);
        }
    }

    private final MiniLmTokenEncoder encoder;
    private final boolean ownsEncoder;

    /** Loads the MiniLM model (about a second); close it when done. */
    public BertScore() {
        this(new MiniLmTokenEncoder(), true);
    }

    /** Uses a shared encoder, which {@link #close()} leaves open. */
    public BertScore(MiniLmTokenEncoder encoder) {
        this(encoder, false);
    }

    private BertScore(MiniLmTokenEncoder encoder, boolean ownsEncoder) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.ownsEncoder = ownsEncoder;
    }

    /** The encoder this scorer uses. */
    public MiniLmTokenEncoder encoder() {
        return encoder;
    }

    /** Model name and layer, for reports. */
    public static Map<String, String> describe(IdfWeights idf) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("model", MiniLmTokenEncoder.MODEL);
        d.put("modelSource", MiniLmTokenEncoder.MODEL_SOURCE);
        d.put("layer", MiniLmTokenEncoder.LAYER);
        d.put("idf", idf.isIdf() ? "idf from the " + idf.documents() + " references" : "none (uniform weights)");
        d.put("window", MiniLmTokenEncoder.WINDOW_TOKENS + " word pieces incl. [CLS]/[SEP], overlap "
                + MiniLmTokenEncoder.OVERLAP_TOKENS);
        d.put("rescaledWithBaseline", "false");
        return d;
    }

    public Result score(String candidate, String reference) {
        return score(candidate, reference, IdfWeights.uniform());
    }

    public Result score(String candidate, String reference, IdfWeights idf) {
        return scoreAll(List.of(candidate), List.of(reference), idf).get(0);
    }

    /** Against several references: the result with the highest F1 (as bert-score does with multiple references). */
    public Result scoreMulti(String candidate, List<String> references, IdfWeights idf) {
        return scoreAllMulti(List.of(candidate), List.of(references), idf).get(0);
    }

    /** Pairwise: result {@code i} scores {@code candidates.get(i)} against {@code references.get(i)}. */
    public List<Result> scoreAll(List<String> candidates, List<String> references, IdfWeights idf) {
        Objects.requireNonNull(references, "references");
        return scoreAllMulti(candidates, references.stream().map(List::of).toList(), idf);
    }

    /** Like {@link #scoreAll}, with one or more references per candidate (best F1 wins). All encoded in one batch. */
    public List<Result> scoreAllMulti(List<String> candidates, List<List<String>> references, IdfWeights idf) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(references, "references");
        Objects.requireNonNull(idf, "idf");
        if (candidates.size() != references.size()) {
            throw new IllegalArgumentException(
                    candidates.size() + " candidates but " + references.size() + " reference lists");
        }
        List<String> texts = new ArrayList<>(candidates);
        for (List<String> refs : references) {
            if (refs.isEmpty()) {
                throw new IllegalArgumentException("every candidate needs at least one reference");
            }
            texts.addAll(refs);
        }
        List<TokenEmbeddings> encoded = encoder.encodeAll(texts);
        List<Result> results = new ArrayList<>(candidates.size());
        int next = candidates.size();
        for (int i = 0; i < candidates.size(); i++) {
            Result best = null;
            for (int r = 0; r < references.get(i).size(); r++) {
                Result result = score(encoded.get(i), encoded.get(next++), idf);
                if (best == null || result.f1() > best.f1()) {
                    best = result;
                }
            }
            results.add(best);
        }
        return results;
    }

    /** Idf weights from a reference corpus (bert-score's {@code idf=True}). */
    public IdfWeights idf(List<String> referenceCorpus) {
        return IdfWeights.fromTokenIds(referenceCorpus.stream().map(encoder::tokenIds).toList());
    }

    /** BERTScore of already encoded texts. */
    public static Result score(TokenEmbeddings candidate, TokenEmbeddings reference, IdfWeights idf) {
        int n = candidate.size();
        int m = reference.size();
        if (n == 0 || m == 0) {
            return Result.ZERO;
        }
        double[] rowMax = new double[n];
        double[] colMax = new double[m];
        java.util.Arrays.fill(rowMax, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(colMax, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            float[] c = candidate.vectors()[i];
            for (int j = 0; j < m; j++) {
                double sim = dot(c, reference.vectors()[j]);
                if (sim > rowMax[i]) {
                    rowMax[i] = sim;
                }
                if (sim > colMax[j]) {
                    colMax[j] = sim;
                }
            }
        }
        return Result.of(weightedMean(rowMax, candidate.ids(), idf), weightedMean(colMax, reference.ids(), idf));
    }

    /** Greedy-matching precision only (each candidate token's best cosine against the reference), per candidate token. */
    static double[] tokenPrecision(TokenEmbeddings candidate, TokenEmbeddings reference) {
        double[] rowMax = new double[candidate.size()];
        if (reference.size() == 0) {
            return rowMax;
        }
        for (int i = 0; i < rowMax.length; i++) {
            float[] c = candidate.vectors()[i];
            double best = Double.NEGATIVE_INFINITY;
            for (float[] r : reference.vectors()) {
                double sim = dot(c, r);
                if (sim > best) {
                    best = sim;
                }
            }
            rowMax[i] = best;
        }
        return rowMax;
    }

    private static double weightedMean(double[] values, long[] ids, IdfWeights idf) {
        double sum = 0;
        double weights = 0;
        for (int i = 0; i < values.length; i++) {
            double w = idf.weight(ids[i]);
            sum += w * values[i];
            weights += w;
        }
        return weights > 0 ? sum / weights : 0.0;
    }

    static double dot(float[] a, float[] b) {
        float s = 0f;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    @Override
    public void close() {
        if (ownsEncoder) {
            encoder.close();
        }
    }
}

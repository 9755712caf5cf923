package io.precis.inference.eval;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Token weights for {@link BertScore}: either uniform, or inverse document frequencies computed from a reference
 * corpus exactly as {@code bert-score} does with {@code idf=True} ({@code get_idf_dict}): with M reference texts
 * and df(t) the number of them that contain word piece t, {@code idf(t) = ln((M + 1) / (df(t) + 1))}, and
 * {@code ln(M + 1)} for word pieces the corpus never saw. [CLS] and [SEP] weigh 0 (they are dropped anyway).
 * Immutable and thread-safe.
 */
public final class IdfWeights {

    private static final IdfWeights UNIFORM = new IdfWeights(Map.of(), 1.0, 0);

    private final Map<Long, Double> weights;
    private final double unseen;
    private final int documents;

    private IdfWeights(Map<Long, Double> weights, double unseen, int documents) {
        this.weights = weights;
        this.unseen = unseen;
        this.documents = documents;
    }

    /** Every word piece weighs 1 (bert-score's default, {@code idf=False}). */
    public static IdfWeights uniform() {
        return UNIFORM;
    }

    /** Idf from the word-piece ids of each reference text (as {@link MiniLmTokenEncoder#tokenIds} gives them). */
    public static IdfWeights fromTokenIds(Collection<long[]> referenceTokenIds) {
        Objects.requireNonNull(referenceTokenIds, "referenceTokenIds");
        Map<Long, Integer> counts = new HashMap<>();
        for (long[] ids : referenceTokenIds) {
            Set<Long> seen = new HashSet<>();
            for (long id : ids) {
                if (seen.add(id)) {
                    counts.merge(id, 1, Integer::sum);
                }
            }
        }
        int m = referenceTokenIds.size();
        Map<Long, Double> weights = new HashMap<>();
        counts.forEach((id, df) -> weights.put(id, Math.log((m + 1.0) / (df + 1.0))));
        return new IdfWeights(Map.copyOf(weights), Math.log(m + 1.0), m);
    }

    /** The weight of one word piece. */
    public double weight(long tokenId) {
        if (tokenId == MiniLmTokenEncoder.CLS_ID || tokenId == MiniLmTokenEncoder.SEP_ID) {
            return 0.0;
        }
        return weights.getOrDefault(tokenId, unseen);
    }

    /** Whether these are idf weights rather than uniform ones. */
    public boolean isIdf() {
        return this != UNIFORM;
    }

    /** How many reference texts the idf was computed from (0 for uniform weights). */
    public int documents() {
        return documents;
    }
}

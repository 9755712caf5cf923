package io.precis.inference.summarize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The extractive summariser's policy: the weights that decide which sentences a summary takes. These are what policy
 * improvement tunes against the reward model and what the model registry stores for a {@code summarizer-policy}
 * version. Values outside {@link #bounds()} are clamped into them.
 *
 * @param centralityWeight  weight of centrality in a sentence's relevance (the rest of relevance is position)
 * @param positionWeight    weight of the position prior
 * @param positionExponent  position prior {@code 1 / (1 + position)^positionExponent}
 * @param lexicalShare      share of lexical centrality (the rest: closeness to the embedding centroid)
 * @param redundancyPenalty MMR penalty per unit of cosine to the closest chosen sentence
 * @param noTerminatorFactor factor for sentences that do not end in a terminator (headings, fragments)
 */
public record PolicyParameters(double centralityWeight, double positionWeight, double positionExponent,
        double lexicalShare, double redundancyPenalty, double noTerminatorFactor) {

    /** Name, lower bound, upper bound of every parameter, in record order. */
    public record Bound(String name, double min, double max) {
    }

    private static final Bound[] BOUNDS = {
            new Bound("centralityWeight", 0, 1), new Bound("positionWeight", 0, 1),
            new Bound("positionExponent", 0, 2), new Bound("lexicalShare", 0, 1),
            new Bound("redundancyPenalty", 0, 1), new Bound("noTerminatorFactor", 0.1, 1)};

    public PolicyParameters {
        double[] v = {centralityWeight, positionWeight, positionExponent, lexicalShare, redundancyPenalty, noTerminatorFactor};
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(BOUNDS[i].name() + " must be a finite number");
            }
        }
        centralityWeight = clamp(centralityWeight, BOUNDS[0]);
        positionWeight = clamp(positionWeight, BOUNDS[1]);
        positionExponent = clamp(positionExponent, BOUNDS[2]);
        lexicalShare = clamp(lexicalShare, BOUNDS[3]);
        redundancyPenalty = clamp(redundancyPenalty, BOUNDS[4]);
        noTerminatorFactor = clamp(noTerminatorFactor, BOUNDS[5]);
    }

    /** The parameters the summariser was hand-tuned with (docs/quality.md). */
    public static PolicyParameters defaults() {
        Tuning t = Tuning.defaults();
        return new PolicyParameters(t.centralityWeight, t.positionWeight, t.positionExponent, t.lexicalShare,
                t.redundancyPenalty, t.noTerminatorFactor);
    }

    public static Bound[] bounds() {
        return BOUNDS.clone();
    }

    public double[] toArray() {
        return new double[] {centralityWeight, positionWeight, positionExponent, lexicalShare, redundancyPenalty,
                noTerminatorFactor};
    }

    public static PolicyParameters fromArray(double[] v) {
        if (v.length != BOUNDS.length) {
            throw new IllegalArgumentException("expected " + BOUNDS.length + " parameters, got " + v.length);
        }
        return new PolicyParameters(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        double[] v = toArray();
        for (int i = 0; i < v.length; i++) {
            map.put(BOUNDS[i].name(), v[i]);
        }
        return map;
    }

    /** Reads the parameters from a map such as {@link #toMap()} wrote; missing ones take the defaults. */
    public static PolicyParameters fromMap(Map<String, ?> map) {
        double[] v = defaults().toArray();
        Function<Object, Double> number = o -> o instanceof Number n ? n.doubleValue() : Double.parseDouble(o.toString());
        for (int i = 0; i < v.length; i++) {
            Object value = map.get(BOUNDS[i].name());
            if (value != null) {
                v[i] = number.apply(value);
            }
        }
        return fromArray(v);
    }

    Tuning tuning() {
        Tuning t = Tuning.defaults();
        t.centralityWeight = centralityWeight;
        t.positionWeight = positionWeight;
        t.positionExponent = positionExponent;
        t.lexicalShare = lexicalShare;
        t.redundancyPenalty = redundancyPenalty;
        t.noTerminatorFactor = noTerminatorFactor;
        return t;
    }

    private static double clamp(double value, Bound bound) {
        return Math.max(bound.min(), Math.min(bound.max(), value));
    }
}

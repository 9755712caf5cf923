package io.precis.inference.summarize;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * The extractive summariser's weights and thresholds in one place, so that the tuning harness (test scope,
 * {@code TuneMain}) can vary them; production uses {@link #defaults()}. The defaults were chosen on the dev sets in
 * {@code shared/data/eval} (see {@code docs/quality.md}); most of them sit on broad plateaus, where changing them by
 * a third moves ROUGE by less than the noise of 100 examples. Build one, then only read it.
 */
final class Tuning {

    /** Relevance = centralityWeight * centrality + positionWeight * position prior (then times shape priors). */
    double centralityWeight = 0.3;
    double positionWeight = 0.7;
    /** Position prior 1 / (1 + position)^positionExponent, position counted per document. */
    double positionExponent = 0.75;
    /** Share of lexical (term frequency) centrality; the rest is the embedding's closeness to the centroid. */
    double lexicalShare = 0.5;

    /** Sentences shorter than this are scaled down in proportion, longer than preferredMaxWords by max / words. */
    int preferredMinWords = 8;
    int preferredMaxWords = 40;
    /** Factor for a sentence that does not end in . ! ? or an ellipsis: headings, captions, fragments. */
    double noTerminatorFactor = 0.5;
    /** Whether run-on sentences of scraped pages (captions and headings run into text) are cut into pieces. */
    boolean splitRunOns = true;

    /** Maximal marginal relevance: penalty per unit of cosine to the closest chosen sentence. */
    double redundancyPenalty = 0.3;
    /** Candidates closer than this to a chosen sentence are dropped as duplicates. */
    double duplicateSimilarity = 0.85;

    /**
     * Automatic lengths: a sentence may take the summary past the target when that leaves it nearer the target
     * (overshoot at most autoOvershoot times the shortfall), and once the best remaining sentence no longer fits,
     * only sentences worth autoFillRatio of it may fill the rest (1: none).
     */
    double autoOvershoot = 1.0;
    double autoFillRatio = 1.0;

    /** Map-reduce and refine work on chunks of at most this many words. */
    int chunkWords = 1500;
    /** Each chunk may put forward this many times the final budget. */
    double mapBudgetFactor = 2.0;
    /** In the reduce step, the share of a sentence's score within its chunk (the rest: across all documents). */
    double reduceLocalWeight = 0.5;

    static Tuning defaults() {
        return new Tuning();
    }

    /** Defaults overridden by system properties named {@code t.FIELD}. */
    static Tuning fromSystemProperties() {
        Tuning tuning = new Tuning();
        for (Field field : Tuning.class.getDeclaredFields()) {
            String value = System.getProperty("t." + field.getName());
            if (value == null || Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            try {
                if (field.getType() == double.class) {
                    field.setDouble(tuning, Double.parseDouble(value));
                } else if (field.getType() == int.class) {
                    field.setInt(tuning, Integer.parseInt(value));
                } else if (field.getType() == boolean.class) {
                    field.setBoolean(tuning, Boolean.parseBoolean(value));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return tuning;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Tuning{");
        for (Field field : Tuning.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            try {
                out.append(field.getName()).append('=').append(field.get(this)).append(' ');
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return out.append('}').toString();
    }
}

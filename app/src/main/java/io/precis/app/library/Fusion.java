package io.precis.app.library;

import java.util.HashMap;
import java.util.Map;

/**
 * Relative score fusion of the vector and full-text rankings: each side's scores are scaled to 0..1 over its own
 * candidates (min-max), and a passage's fused score is the mean of its scaled scores over the sides searched, 0 for
 * a side that did not find it (so 0..1; with one side searched, just that side scaled). Unlike reciprocal rank fusion it keeps how far apart the candidates are: a passage that full text finds
 * far ahead of the rest is not overtaken by one that is merely second on both sides.
 */
final class Fusion {
    private Fusion() {
    }

    /** Fused scores of every candidate of either side; a side's map holds its raw scores (higher is better). */
    static Map<Long, Double> relative(Map<Long, Double> vector, Map<Long, Double> text) {
        Map<Long, Double> fused = new HashMap<>();
        addScaled(vector, fused);
        addScaled(text, fused);
        int sides = (vector.isEmpty() ? 0 : 1) + (text.isEmpty() ? 0 : 1);
        fused.replaceAll((id, sum) -> sum / sides);
        return fused;
    }

    private static void addScaled(Map<Long, Double> scores, Map<Long, Double> into) {
        if (scores.isEmpty()) return;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores.values()) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        double range = max - min;
        for (Map.Entry<Long, Double> e : scores.entrySet()) {
            double scaled = range > 0 ? (e.getValue() - min) / range : 1.0;
            into.merge(e.getKey(), scaled, Double::sum);
        }
    }
}

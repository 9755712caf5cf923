package io.precis.inference.eval;

/**
 * Precision, recall and F-measure of one ROUGE variant, each in [0, 1]. The F-measure is
 * {@code 2PR / (P + R)}, and 0 when both are 0, as in {@code rouge-score}'s {@code scoring.fmeasure}.
 */
public record Score(double precision, double recall, double fmeasure) {

    static final Score ZERO = new Score(0.0, 0.0, 0.0);

    static Score of(double precision, double recall) {
        double f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
        return new Score(precision, recall, f);
    }
}

package io.precis.inference.research;

/**
 * How well a sub-question is answered so far.
 *
 * @param evidence the cosine similarity of its best retrieved passage (0 when nothing was found)
 */
public record Coverage(String subQuestion, double evidence) {

    /** Below this, a sub-question's evidence counts as weak and reflection looks for more. */
    public static final double WEAK = 0.45;

    public boolean weak() {
        return evidence < WEAK;
    }
}

package io.precis.inference.eval;

import java.util.Objects;

/**
 * ROUGE-1, ROUGE-2, ROUGE-L (LCS over the whole text) and ROUGE-Lsum (summary-level union LCS over
 * newline-separated sentences) of one prediction against one target, or the best target of several.
 */
public record RougeScores(Score rouge1, Score rouge2, Score rougeL, Score rougeLsum) {

    public RougeScores {
        Objects.requireNonNull(rouge1, "rouge1");
        Objects.requireNonNull(rouge2, "rouge2");
        Objects.requireNonNull(rougeL, "rougeL");
        Objects.requireNonNull(rougeLsum, "rougeLsum");
    }
}

package io.precis.inference.research;

import java.util.List;

/** Scores how well each claim is supported by its passage, 0..1: {@code scores[i]} for claims[i] against passages[i]. */
public interface SupportCheck {
    double[] scores(List<String> claims, List<String> passages);
}

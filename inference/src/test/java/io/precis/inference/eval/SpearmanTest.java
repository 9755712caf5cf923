package io.precis.inference.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpearmanTest {

    @Test
    void matchesScipyWithTies() {
        // scipy.stats.spearmanr(x, y).correlation
        double[] x = {1, 2, 2, 3, 5, 4, 4, 0.5};
        double[] y = {0.1, 0.3, 0.2, 0.2, 0.9, 0.5, 0.7, 0.0};
        assertThat(Spearman.correlation(x, y)).isCloseTo(0.9394111922831736, within(1e-12));
    }

    @Test
    void perfectlyReversedIsMinusOne() {
        assertThat(Spearman.correlation(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}))
                .isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void constantInputHasNoCorrelation() {
        assertThat(Spearman.correlation(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
        assertThat(Spearman.ranks(new double[] {3, 1, 3, 2})).containsExactly(3.5, 1, 3.5, 2);
    }
}

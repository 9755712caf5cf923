package io.precis.app.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FusionTest {

    private static Map<Long, Double> scores(Object... idScore) {
        Map<Long, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < idScore.length; i += 2) m.put(((Number) idScore[i]).longValue(), ((Number) idScore[i + 1]).doubleValue());
        return m;
    }

    @Test
    void aPassageFarAheadOnOneSideBeatsOneThatIsMerelySecondOnBoth() {
        // Vector: 1 and 2 nearly tied, 4 well behind; text: 2 far ahead of 1. Ranks alone (RRF) would put 1 first.
        Map<Long, Double> vector = scores(1, 0.80, 3, 0.79, 4, 0.78, 2, 0.78, 5, 0.50);
        Map<Long, Double> text = scores(2, 0.90, 1, 0.20, 6, 0.10);
        Map<Long, Double> fused = Fusion.relative(vector, text);
        assertThat(fused.get(2L)).isGreaterThan(fused.get(1L));
        assertThat(fused.get(2L)).isCloseTo((0.28 / 0.30 + 1.0) / 2, within(1e-9));
        assertThat(fused.get(6L)).isCloseTo(0.0, within(1e-9)); // last on text, absent from vector
        assertThat(fused.get(5L)).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void oneSideAloneIsThatSideScaledAndASingleCandidateScoresOne() {
        Map<Long, Double> fused = Fusion.relative(scores(1, 0.9, 2, 0.6, 3, 0.3), Map.of());
        assertThat(fused).containsOnlyKeys(1L, 2L, 3L);
        assertThat(fused.get(1L)).isEqualTo(1.0);
        assertThat(fused.get(2L)).isCloseTo(0.5, within(1e-9));
        assertThat(fused.get(3L)).isEqualTo(0.0);
        assertThat(Fusion.relative(Map.of(), scores(7, 0.01))).containsEntry(7L, 1.0);
        assertThat(Fusion.relative(Map.of(), Map.of())).isEmpty();
    }
}

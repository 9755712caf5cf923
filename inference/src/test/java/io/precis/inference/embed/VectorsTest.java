package io.precis.inference.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void cosineOfUnitVectorsIsTheirDotProduct() {
        float[] x = {1f, 0f};
        float[] diagonal = Vectors.normalizeInPlace(new float[] {1f, 1f});

        assertThat(Vectors.cosine(x, x)).isEqualTo(1f);
        assertThat(Vectors.cosine(x, new float[] {0f, 1f})).isZero();
        assertThat(Vectors.cosine(x, new float[] {-1f, 0f})).isEqualTo(-1f);
        assertThat(Vectors.cosine(x, diagonal)).isCloseTo((float) Math.sqrt(0.5), within(1e-6f));
    }

    @Test
    void normalisingLeavesAZeroVectorAlone() {
        assertThat(Vectors.normalizeInPlace(new float[] {0f, 0f})).containsExactly(0f, 0f);
        assertThat(Vectors.normalizeInPlace(new float[] {3f, 4f})).containsExactly(0.6f, 0.8f);
    }

    @Test
    void rejectsVectorsOfDifferentLength() {
        assertThatThrownBy(() -> Vectors.cosine(new float[2], new float[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

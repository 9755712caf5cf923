package io.precis.inference.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

    private static MiniLmEmbedder embedder;
    private static ExecutorService pool;

    @BeforeAll
    static void loadModel() {
        embedder = new MiniLmEmbedder();
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void describesTheModel() {
        assertThat(embedder.modelName()).isEqualTo("all-minilm-l6-v2");
        assertThat(embedder.modelVersion()).isEqualTo("onnx-1");
        assertThat(embedder.dimensions()).isEqualTo(384);
    }

    @Test
    void vectorsAreNormalisedAndHaveTheModelsDimensions() {
        float[][] vectors = embedder.embed(List.of("The cat sat on the mat.", "Stocks fell sharply on Monday.", "x"));

        assertThat(vectors).hasNumberOfRows(3);
        for (float[] vector : vectors) {
            assertThat(vector).hasSize(384);
            assertThat(Vectors.cosine(vector, vector)).isCloseTo(1f, within(1e-4f));
        }
    }

    @Test
    void paraphraseIsCloserThanAnUnrelatedSentence() {
        float[][] v = embedder.embed(List.of(
                "The council approved the new seawall on Tuesday.",
                "On Tuesday, councillors voted to build a new sea wall.",
                "My favourite recipe for banana bread uses walnuts."));

        float paraphrase = Vectors.cosine(v[0], v[1]);
        float unrelated = Vectors.cosine(v[0], v[2]);

        assertThat(paraphrase).isGreaterThan(0.6f).isGreaterThan(unrelated + 0.4f);
    }

    @Test
    void batchesKeepTheOrderOfTheTexts() {
        List<String> texts = IntStream.range(0, 150)
                .mapToObj(i -> "Sentence number " + i + " is about " + (i % 2 == 0 ? "ships" : "bread") + ".")
                .toList();

        float[][] all = embedder.embed(texts);

        assertThat(all).hasNumberOfRows(150);
        for (int i : new int[] {0, 63, 64, 100, 149}) {
            float[] alone = embedder.embed(List.of(texts.get(i)))[0];
            assertThat(Vectors.cosine(all[i], alone)).as("text %d", i).isCloseTo(1f, within(1e-4f));
        }
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        List<String> texts = List.of("Harbour walls protect towns from storms.", "Seagrass stores carbon.");
        float[][] expected = embedder.embed(texts);
        List<Future<float[][]>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> embedder.embed(texts)));
        }
        for (Future<float[][]> result : results) {
            float[][] actual = result.get();
            for (int k = 0; k < expected.length; k++) {
                assertThat(Vectors.cosine(actual[k], expected[k])).isCloseTo(1f, within(1e-4f));
            }
        }
    }

    @Test
    void emptyListGivesNoVectors() {
        assertThat(embedder.embed(List.of())).isEmpty();
    }

    @Test
    void rejectsBlankTexts() {
        assertThatThrownBy(() -> embedder.embed(List.of("fine", "  ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text 1 is blank");
        assertThatThrownBy(() -> embedder.embed(Arrays.asList("fine", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.precis.inference.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkerTest {

    /** Sentences of 3 to 12 words, numbered so that every one is different. */
    private static String text(int sentences) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            int words = 3 + (i * 7) % 10;
            out.append(i % 9 == 8 ? "\n\n" : i == 0 ? "" : " ").append("Sentence").append(i);
            for (int w = 1; w < words; w++) {
                out.append(" word");
            }
            out.append('.');
        }
        return out.toString();
    }

    @ParameterizedTest(name = "budget {0}, overlap {1}")
    @CsvSource({"40, 0", "40, 10", "25, 12", "100, 30", "13, 0"})
    void chunksAreSentenceAlignedWithinBudgetAndCoverTheText(int budget, int overlap) {
        String text = text(60);
        List<Sentence> sentences = new SentenceSplitter().split(text);

        List<Chunk> chunks = new Chunker(budget, overlap).chunk(3, text);

        assertThat(chunks).isNotEmpty();
        List<Integer> starts = sentences.stream().map(Sentence::start).toList();
        List<Integer> ends = sentences.stream().map(Sentence::end).toList();
        int covered = 0;
        Chunk previous = null;
        for (Chunk chunk : chunks) {
            assertThat(chunk.document()).isEqualTo(3);
            assertThat(text.substring(chunk.start(), chunk.end())).isEqualTo(chunk.text());
            assertThat(chunk.words()).isLessThanOrEqualTo(budget);
            assertThat(starts).contains(chunk.start());
            assertThat(ends).contains(chunk.end());
            if (previous != null) {
                assertThat(chunk.start()).isGreaterThan(previous.start());
                assertThat(chunk.end()).isGreaterThan(previous.end());
                int repeated = previous.end() > chunk.start()
                        ? Words.count(text.substring(chunk.start(), previous.end())) : 0;
                assertThat(repeated).isLessThanOrEqualTo(overlap);
            }
            covered = Math.max(covered, chunk.end());
            previous = chunk;
        }
        assertThat(covered).isEqualTo(sentences.get(sentences.size() - 1).end());
        for (Sentence sentence : sentences) {
            assertThat(chunks).anySatisfy(c -> assertThat(c.start() <= sentence.start() && sentence.end() <= c.end())
                    .isTrue());
        }
    }

    @Test
    void neighboursOverlapByWholeSentences() {
        String text = "One two three four five. Six seven eight nine ten. Eleven twelve thirteen fourteen fifteen."
                + " Sixteen seventeen eighteen nineteen twenty.";

        List<Chunk> chunks = new Chunker(10, 5).chunk(0, text);

        assertThat(chunks).extracting(Chunk::text).containsExactly(
                "One two three four five. Six seven eight nine ten.",
                "Six seven eight nine ten. Eleven twelve thirteen fourteen fifteen.",
                "Eleven twelve thirteen fourteen fifteen. Sixteen seventeen eighteen nineteen twenty.");
    }

    @Test
    void withoutOverlapChunksFollowEachOther() {
        String text = text(40);

        List<Chunk> chunks = new Chunker(30, 0).chunk(0, text);

        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).start()).isGreaterThan(chunks.get(i - 1).end());
        }
        int words = chunks.stream().mapToInt(Chunk::words).sum();
        assertThat(words).isEqualTo(Words.count(text));
    }

    @Test
    void aSentenceLongerThanTheBudgetIsCutAtWhitespace() {
        String text = "Short one here. Very " + "very ".repeat(22) + "long. Another short one.";

        List<Chunk> chunks = new Chunker(10, 3).chunk(0, text);

        for (Chunk chunk : chunks) {
            assertThat(chunk.words()).isLessThanOrEqualTo(10);
            assertThat(text.substring(chunk.start(), chunk.end())).isEqualTo(chunk.text());
        }
        assertThat(chunks).extracting(Chunk::text)
                .contains("Short one here.", "very very very very very very very very very very", "very very very long.");
        assertThat(chunks.get(chunks.size() - 1).text()).isEqualTo("Another short one.");
    }

    @Test
    void measuresWithAnyFunction() {
        String text = "Aaaa bbbb. Cccc dddd. Eeee ffff.";
        Chunker byCharacters = new Chunker(21, 0, String::length);

        assertThat(byCharacters.chunk(0, text)).extracting(Chunk::text)
                .containsExactly("Aaaa bbbb. Cccc dddd.", "Eeee ffff.");
    }

    @Test
    void chunksSeveralDocumentsAndSkipsBlankOnes() {
        List<Chunk> chunks = new Chunker(50, 10).chunk(List.of("First document.", "   ", "Third one. Two sentences."));

        assertThat(chunks).containsExactly(new Chunk(0, 0, 15, "First document."),
                new Chunk(2, 0, 25, "Third one. Two sentences."));
    }

    @Test
    void usesSentencesItIsGiven() {
        String text = "Alpha beta. Gamma delta.";
        List<Sentence> sentences = new ArrayList<>(new SentenceSplitter().split(text));

        assertThat(new Chunker(2, 0).chunk(1, text, sentences)).extracting(Chunk::text)
                .containsExactly("Alpha beta.", "Gamma delta.");
        assertThat(new Chunker(2, 0).chunk(1, text, List.of())).isEmpty();
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new Chunker(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunker(10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunker(10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunk(0, 3, 2, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunk(0, 0, 2, "abc")).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.precis.inference.cite;

import static org.assertj.core.api.Assertions.assertThat;

import io.precis.inference.embed.Embedder;
import io.precis.inference.summarize.Citation;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.SummarySentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the mapper does around the similarities, with an embedder whose similarities are easy to predict. */
class CitationMapperStructureTest {

    /** Each text is a one-hot vector of its first word, so texts are similar exactly when they start alike. */
    static final class FirstWordEmbedder implements Embedder {
        final List<List<String>> calls = new ArrayList<>();
        private final List<String> vocabulary = new ArrayList<>();

        @Override
        public synchronized float[][] embed(List<String> texts) {
            calls.add(List.copyOf(texts));
            float[][] vectors = new float[texts.size()][];
            for (int i = 0; i < texts.size(); i++) {
                String first = texts.get(i).split("[^\\p{L}]+")[0].toLowerCase(Locale.ROOT);
                if (!vocabulary.contains(first)) {
                    vocabulary.add(first);
                }
                vectors[i] = new float[dimensions()];
                vectors[i][vocabulary.indexOf(first)] = 1;
            }
            return vectors;
        }

        @Override
        public String modelName() {
            return "first-word";
        }

        @Override
        public String modelVersion() {
            return "1";
        }

        @Override
        public int dimensions() {
            return 64;
        }
    }

    private final FirstWordEmbedder embedder = new FirstWordEmbedder();
    private final CitationMapper mapper = new CitationMapper(embedder);

    @Test
    void embedsEachDistinctTextOnceInOneBatch() {
        List<SummarySentence> result = mapper.cite(List.of("Alpha again.", "Alpha again.", "Gamma."),
                List.of(new SourceDocument(null, "Alpha one. Beta two."), new SourceDocument(null, "Alpha one.")));

        assertThat(embedder.calls).singleElement().isEqualTo(List.of("Alpha one.", "Beta two.", "Alpha again.", "Gamma."));
        assertThat(result).extracting(SummarySentence::text).containsExactly("Alpha again.", "Alpha again.", "Gamma.");
        assertThat(result.get(0).citations()).as("the same sentence in two documents is cited once")
                .containsExactly(new Citation(0, 0, 10));
        assertThat(result.get(2).citations()).isEmpty();
    }

    @Test
    void citesTheTwoBestInTextOrderWhenBothAreCloseAndAboveTheThreshold() {
        List<SummarySentence> result = mapper.cite(List.of("Alpha."),
                List.of(new SourceDocument(null, "Beta first. Alpha second. Alpha third. Alpha fourth.")));

        assertThat(result.get(0).citations()).containsExactly(new Citation(0, 12, 25), new Citation(0, 26, 38));
    }

    @Test
    void withoutSourcesOrOutputNothingIsCited() {
        assertThat(mapper.cite(List.of("Alpha."), List.of(new SourceDocument(null, "  "))))
                .containsExactly(new SummarySentence("Alpha.", List.of()));
        assertThat(mapper.cite(List.of(" ", ""), List.of(new SourceDocument(null, "Alpha.")))).isEmpty();
        assertThat(embedder.calls).isEmpty();
    }

    @Test
    void splitsATextIntoSentences() {
        assertThat(mapper.cite("Alpha is here. Beta is there.", List.of(new SourceDocument(null, "Beta."))))
                .extracting(SummarySentence::text).containsExactly("Alpha is here.", "Beta is there.");
    }
}

package io.precis.inference.cite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.precis.inference.embed.MiniLmEmbedder;
import io.precis.inference.summarize.Citation;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.SummarySentence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Citations with the real MiniLM model, on the kinds of sentences a summariser writes. */
class CitationMapperTest {

    private static CitationMapper mapper;
    private static String article;

    @BeforeAll
    static void load() throws IOException {
        mapper = new CitationMapper(new MiniLmEmbedder());
        try (InputStream in = CitationMapperTest.class.getResourceAsStream("/harbour-article.txt")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> cited(SummarySentence sentence, List<String> documents) {
        return sentence.citations().stream()
                .map(c -> documents.get(c.document()).substring(c.start(), c.end())).toList();
    }

    @Test
    void citesTheSourceSentenceAParaphraseComesFrom() {
        List<SummarySentence> result = mapper.cite(List.of(
                "The motion passed 19 to 4.",
                "Storm surges have flooded the market square in each of the last three winters.",
                "Councillor Pieter de Vries argued for a gradual retreat and natural defences like dunes instead.",
                "The national government will pay 60 percent, leaving 19.4 million euros for the town and region."),
                List.of(new SourceDocument("Seawall", article)));

        List<String> docs = List.of(article);
        assertThat(cited(result.get(0), docs)).first().asString().startsWith("The motion passed by 19 votes to 4");
        assertThat(cited(result.get(1), docs)).first().asString()
                .startsWith("The decision follows three winters in which storm surges");
        assertThat(cited(result.get(2), docs)).first().asString()
                .startsWith("Councillor Pieter de Vries, who voted against the motion");
        assertThat(cited(result.get(3), docs)).first().asString()
                .startsWith("The national government has promised to cover 60 percent");
        assertThat(result).allSatisfy(s -> assertThat(s.citations()).hasSizeBetween(1, 2));
    }

    @Test
    void aSentenceThatFusesTwoSourceSentencesCitesBoth() {
        SummarySentence fused = mapper.cite(
                List.of("Mayor Brandt said the vote was a turning point, and the motion passed by 19 votes to 4."),
                List.of(new SourceDocument(null, article))).get(0);

        assertThat(cited(fused, List.of(article))).hasSize(2).anySatisfy(s -> assertThat(s).contains("turning point"))
                .anySatisfy(s -> assertThat(s).contains("19 votes to 4"));
    }

    @Test
    void sentencesTheSourcesDoNotSupportGetNoCitations() {
        List<SummarySentence> result = mapper.cite(List.of(
                "The mayor resigned after the vote amid a corruption scandal.",
                "The European Union will fund the remaining cost through a special grant.",
                "Scientists warn that global sea levels could rise by two metres by 2050.",
                "Harbour Town is famous for its annual jazz festival."),
                List.of(new SourceDocument(null, article)));

        assertThat(result).allSatisfy(s -> assertThat(s.citations()).isEmpty());
    }

    @Test
    void citationsPointIntoTheRightDocumentAndSpan() {
        String ferry = "The island ferry will run twice a day from June. Tickets go on sale in May.";
        List<SummarySentence> result = mapper.cite(
                "Harbour Town will build a new seawall. The island ferry will run two times a day starting in June.",
                List.of(new SourceDocument(null, article), new SourceDocument(null, ""),
                        new SourceDocument(null, ferry)));

        assertThat(result).hasSize(2);
        assertThat(result.get(1).citations()).first().isEqualTo(new Citation(2, 0, ferry.indexOf(" Tickets")));
        assertThat(result.get(0).citations()).isNotEmpty().allSatisfy(c -> assertThat(c.document()).isZero());
    }

    @Test
    void theThresholdIsConfigurable() {
        CitationMapper strict = new CitationMapper(new MiniLmEmbedder(), 0.95);
        assertThat(strict.cite(List.of("The motion passed 19 to 4."), List.of(new SourceDocument(null, article)))
                .get(0).citations()).isEmpty();
        assertThat(strict.threshold()).isEqualTo(0.95);
        assertThatIllegalArgumentException().isThrownBy(() -> new CitationMapper(new MiniLmEmbedder(), 0));
    }
}

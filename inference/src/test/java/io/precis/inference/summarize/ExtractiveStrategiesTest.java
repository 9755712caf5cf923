package io.precis.inference.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import io.precis.inference.embed.MiniLmEmbedder;
import io.precis.inference.embed.MemoizingEmbedder;
import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;
import io.precis.inference.text.Words;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Single pass, map-reduce and refine on the extractive backend: what each keeps true. */
class ExtractiveStrategiesTest {

    private static final String BAKERY = "The old bakery on Mill Lane will close at the end of the month after"
            + " ninety years in business. Its owner, Marta Klein, said rising flour and energy prices had made the"
            + " shop impossible to run. Customers queued around the block on Saturday to buy a last loaf of rye."
            + " The building has been sold to a developer who plans to turn it into flats.";
    private static final String FERRY = "Ferry services to the islands were cancelled on Friday as gales swept the"
            + " coast. The operator said crossings would resume once the wind dropped below gale force. Hundreds of"
            + " passengers were stranded at the terminal overnight. Islanders said supplies of fresh milk were"
            + " already running short.";

    private static MiniLmEmbedder embedder;
    private static ExtractiveSummarizer summarizer;
    private static String article;

    @BeforeAll
    static void loadModel() throws IOException {
        embedder = new MiniLmEmbedder();
        summarizer = new ExtractiveSummarizer(new MemoizingEmbedder(embedder));
        try (InputStream in = ExtractiveStrategiesTest.class.getResourceAsStream("/harbour-article.txt")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SummaryRequest request(LengthTarget length, Mode mode, String... texts) {
        return new SummaryRequest(Arrays.stream(texts).map(t -> new SourceDocument(null, t)).toList(), length, mode);
    }

    /** Every citation is the exact span of a source sentence (or a prefix of one) of the document it names. */
    private static void assertExactCitations(SummaryRequest request, Summary summary) {
        SentenceSplitter splitter = new SentenceSplitter();
        for (SummarySentence sentence : summary.sentences()) {
            assertThat(sentence.citations()).hasSize(1);
            Citation citation = sentence.citations().get(0);
            assertThat(citation.document()).isBetween(0, request.documents().size() - 1);
            String source = request.documents().get(citation.document()).text();
            assertThat(source.substring(citation.start(), citation.end())).isEqualTo(sentence.text());
            List<Sentence> sourceSentences = splitter.split(source);
            assertThat(sourceSentences).anySatisfy(s -> assertThat(
                    s.start() <= citation.start() && citation.end() <= s.end()).isTrue());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SINGLE", "MAP_REDUCE", "REFINE"})
    void everyStrategyCitesExactSpansStaysWithinMaxWordsAndSaysWhatRan(Mode mode) {
        for (int maxWords : new int[] {25, 80, 300}) {
            SummaryRequest request = request(new LengthTarget(maxWords), mode, article, BAKERY, FERRY);

            Summary summary = summarizer.summarize(request);

            assertThat(summary.strategy()).isEqualTo(mode.label());
            assertThat(summary.wordCount()).isLessThanOrEqualTo(maxWords).isGreaterThan(maxWords / 2);
            assertExactCitations(request, summary);
        }
    }

    @Test
    void autoRunsSinglePassForOneDocumentAndMapReduceForSeveral() {
        assertThat(summarizer.summarize(request(LengthTarget.auto(), Mode.AUTO, article)).strategy())
                .isEqualTo("single");
        assertThat(summarizer.summarize(request(LengthTarget.auto(), Mode.AUTO, article, BAKERY)).strategy())
                .isEqualTo("map-reduce");
        assertThat(summarizer.summarize(request(LengthTarget.auto(), Mode.AUTO, " ", BAKERY, "")).strategy())
                .isEqualTo("single");
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"AUTO", "SINGLE", "MAP_REDUCE", "REFINE"})
    void severalDocumentsEachKeepTheirOwnCitations(Mode mode) {
        SummaryRequest request = request(LengthTarget.of(Length.LONG), mode, article, BAKERY, FERRY);

        Summary summary = summarizer.summarize(request);

        assertExactCitations(request, summary);
        Set<Integer> cited = new HashSet<>();
        summary.sentences().forEach(s -> cited.add(s.citations().get(0).document()));
        assertThat(cited).containsExactlyInAnyOrder(0, 1, 2);
        List<Citation> citations = summary.sentences().stream().map(s -> s.citations().get(0)).toList();
        for (int i = 1; i < citations.size(); i++) { // source order: document, then position
            Citation previous = citations.get(i - 1);
            Citation current = citations.get(i);
            assertThat(current.document() > previous.document()
                    || current.document() == previous.document() && current.start() > previous.start()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"AUTO", "SINGLE", "MAP_REDUCE", "REFINE"})
    void emptyDocumentsAmongGoodOnesAreSkipped(Mode mode) {
        SummaryRequest request = request(LengthTarget.of(Length.LONG), mode, "", BAKERY, "  \n\t ", FERRY, "...");

        Summary summary = summarizer.summarize(request);

        assertExactCitations(request, summary);
        assertThat(summary.sentences()).extracting(s -> s.citations().get(0).document()).containsOnly(1, 3)
                .contains(1, 3);
    }

    @Test
    void mapReduceDropsTheSameNewsRepeatedInAnotherDocument() {
        SummaryRequest request = request(LengthTarget.of(Length.LONG), Mode.MAP_REDUCE, BAKERY, BAKERY, FERRY);

        Summary summary = summarizer.summarize(request);

        assertThat(summary.sentences()).extracting(SummarySentence::text).doesNotHaveDuplicates();
        assertExactCitations(request, summary);
    }

    @Test
    void refineWalksTheChunksAndRevisesItsRunningSelection() {
        Tuning smallChunks = Tuning.defaults();
        smallChunks.chunkWords = 120;
        ExtractiveSummarizer chunky = new ExtractiveSummarizer(new MemoizingEmbedder(embedder), smallChunks);
        SummaryRequest request = request(LengthTarget.of(Length.MEDIUM), Mode.REFINE, article);

        Summary refined = chunky.summarize(request);

        assertThat(refined.strategy()).isEqualTo("refine");
        assertThat(refined.wordCount()).isLessThanOrEqualTo(100).isGreaterThan(50);
        assertExactCitations(request, refined);
        // The lead survives every revision; later chunks still get a say.
        assertThat(refined.sentences().get(0).citations().get(0).start()).isLessThan(200);
        assertThat(refined.sentences().get(refined.sentences().size() - 1).citations().get(0).start())
                .isGreaterThan(600);
    }

    @Test
    void mapReduceOverManySmallChunksStillPicksFromTheWholeDocument() {
        Tuning smallChunks = Tuning.defaults();
        smallChunks.chunkWords = 120;
        ExtractiveSummarizer chunky = new ExtractiveSummarizer(new MemoizingEmbedder(embedder), smallChunks);
        SummaryRequest request = request(LengthTarget.of(Length.LONG), Mode.MAP_REDUCE, article);

        Summary summary = chunky.summarize(request);

        assertThat(summary.strategy()).isEqualTo("map-reduce");
        assertThat(summary.wordCount()).isLessThanOrEqualTo(200).isGreaterThan(130);
        assertExactCitations(request, summary);
    }

    @Test
    void longInputsGoThroughMapReduceInAutoModeAndEmbedEachSentenceOnce() {
        HashingEmbedder hashing = new HashingEmbedder();
        ExtractiveSummarizer fast = new ExtractiveSummarizer(hashing);
        String longText = SyntheticText.ofWords(12_000, 7);
        SummaryRequest request = request(LengthTarget.auto(), Mode.AUTO, longText);

        Summary summary = fast.summarize(request);

        assertThat(summary.strategy()).isEqualTo("map-reduce");
        assertThat(summary.wordCount()).isLessThanOrEqualTo(LengthTarget.auto().maxWords())
                .isGreaterThan(LengthTarget.autoWords(Words.count(longText), 1) / 2);
        assertExactCitations(request, summary);
        assertThat(hashing.texts()).isEqualTo(new SentenceSplitter().split(longText).size());
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SINGLE", "MAP_REDUCE", "REFINE"})
    void fiftyThousandWordsWorkWithEveryStrategy(Mode mode) {
        ExtractiveSummarizer fast = new ExtractiveSummarizer(new HashingEmbedder());
        SummaryRequest request = request(new LengthTarget(300), mode, SyntheticText.ofWords(30_000, 1),
                SyntheticText.ofWords(20_000, 2));

        long start = System.nanoTime();
        Summary summary = fast.summarize(request);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(summary.strategy()).isEqualTo(mode.label());
        assertThat(summary.wordCount()).isLessThanOrEqualTo(300).isGreaterThan(200);
        assertExactCitations(request, summary);
        // Everything but the embedding is (near) linear: far below a second without the model.
        assertThat(millis).as("milliseconds without the model").isLessThan(5_000);
    }
}

package io.precis.inference.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.precis.inference.embed.MiniLmEmbedder;
import io.precis.inference.embed.MemoizingEmbedder;
import io.precis.inference.embed.Vectors;
import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;
import io.precis.inference.text.Words;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExtractiveSummarizerTest {

    private static final String LEAD = "The council of Harbour Town voted on Tuesday to replace the crumbling seawall"
            + " that has protected the old port district since 1921, approving a project estimated at 48.5 million"
            + " euros.";
    private static final String LEAD_REWORDED = "On Tuesday the Harbour Town council voted to replace the crumbling"
            + " seawall that has protected the old port district since 1921, approving a project estimated at"
            + " 48.5 million euros.";

    private static MiniLmEmbedder embedder;
    /** Remembers the article's vectors, so that the many calls below embed it once. */
    private static ExtractiveSummarizer summarizer;
    /** Embeds every time: for the timing and concurrency tests. */
    private static ExtractiveSummarizer uncached;
    private static String article;

    @BeforeAll
    static void loadModel() throws IOException {
        embedder = new MiniLmEmbedder();
        summarizer = new ExtractiveSummarizer(new MemoizingEmbedder(embedder));
        uncached = new ExtractiveSummarizer(embedder);
        try (InputStream in = ExtractiveSummarizerTest.class.getResourceAsStream("/harbour-article.txt")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SummaryRequest request(Length length, String... texts) {
        List<SourceDocument> documents = Arrays.stream(texts).map(t -> new SourceDocument("doc", t)).toList();
        return new SummaryRequest(documents, LengthTarget.of(length));
    }

    @ParameterizedTest
    @EnumSource(value = Length.class, names = {"SHORT", "MEDIUM", "LONG"})
    void staysWithinAFixedWordBudgetAndUsesMostOfIt(Length length) {
        int budget = LengthTarget.of(length).maxWords();

        Summary summary = summarizer.summarize(request(length, article));

        assertThat(summary.wordCount()).isLessThanOrEqualTo(budget).isGreaterThan(budget * 2 / 3);
        assertThat(Words.count(summary.text())).isEqualTo(summary.wordCount());
    }

    @Test
    void automaticLengthLandsNearItsTarget() {
        int target = LengthTarget.autoWords(Words.count(article), 1);
        assertThat(target).isEqualTo(75);

        Summary summary = summarizer.summarize(request(Length.AUTO, article));

        // A target, not a limit: the summary may end up to one sentence short of it or past it.
        assertThat(summary.wordCount()).isBetween(target / 2, target * 3 / 2);
        assertThat(summary.sentences().get(0).text()).isEqualTo(LEAD);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 17, 33, 64, 127})
    void neverExceedsAnExplicitMaxWords(int maxWords) {
        for (Mode mode : Mode.values()) {
            Summary summary = summarizer.summarize(new SummaryRequest(
                    List.of(new SourceDocument(null, article)), new LengthTarget(maxWords), mode));

            assertThat(summary.wordCount()).as(mode + " " + maxWords).isLessThanOrEqualTo(maxWords).isPositive();
        }
    }

    @Test
    void picksTheLeadAndReturnsSentencesInSourceOrder() {
        Summary summary = summarizer.summarize(request(Length.MEDIUM, article));

        assertThat(summary.sentences()).hasSizeGreaterThan(1);
        assertThat(summary.sentences().get(0).text()).isEqualTo(LEAD);
        List<Integer> starts = summary.sentences().stream().map(s -> s.citations().get(0).start()).toList();
        assertThat(starts).isSorted();
    }

    @Test
    void citationsAreTheExactSpansOfSourceSentences() {
        String second = "Funding came from a national grant. The town pays the rest over thirty years.";
        SummaryRequest request = request(Length.LONG, article, second);

        Summary summary = summarizer.summarize(request);

        List<Sentence> sourceSentences = new ArrayList<>();
        for (SourceDocument document : request.documents()) {
            sourceSentences.addAll(new SentenceSplitter().split(document.text()));
        }
        for (SummarySentence sentence : summary.sentences()) {
            assertThat(sentence.citations()).hasSize(1);
            Citation citation = sentence.citations().get(0);
            String source = request.documents().get(citation.document()).text();
            assertThat(source.substring(citation.start(), citation.end())).isEqualTo(sentence.text());
            assertThat(sourceSentences).contains(new Sentence(sentence.text(), citation.start(), citation.end()));
        }
    }

    @Test
    void multiDocumentSummaryIsInDocumentThenPositionOrder() {
        String second = "Storm barriers are going up along the market square. Residents were told to sign up for"
                + " flood warnings by text message. The ferry timetable will not change this winter.";

        Summary summary = summarizer.summarize(request(Length.LONG, article, second));

        List<Citation> citations = summary.sentences().stream().map(s -> s.citations().get(0)).toList();
        assertThat(citations).extracting(Citation::document).isSorted().contains(0, 1);
        for (int i = 1; i < citations.size(); i++) {
            Citation previous = citations.get(i - 1);
            Citation current = citations.get(i);
            if (previous.document() == current.document()) {
                assertThat(current.start()).isGreaterThan(previous.start());
            }
        }
    }

    @Test
    void dropsANearDuplicateSentenceRepeatedInAnotherDocument() {
        float[][] pair = embedder.embed(List.of(LEAD, LEAD_REWORDED));
        assertThat((double) Vectors.cosine(pair[0], pair[1]))
                .isGreaterThan(RedundancyAwareSelection.DUPLICATE_SIMILARITY);
        String second = LEAD_REWORDED + " Local traders fear the building work will keep visitors away for years."
                + " Hotel bookings for next summer are already down.";

        Summary summary = summarizer.summarize(request(Length.LONG, article, second));

        List<String> texts = summary.sentences().stream().map(SummarySentence::text).toList();
        assertThat(texts.stream().filter(t -> t.equals(LEAD) || t.equals(LEAD_REWORDED))).hasSize(1);
        assertThat(summary.sentences()).extracting(s -> s.citations().get(0).document()).contains(0, 1);
    }

    @Test
    void dropsAnExactDuplicate() {
        String text = "Heavy rain closed the mountain road on Friday. Engineers inspected the damaged bridge."
                + " The bakery on the corner sold out of bread.";

        Summary summary = summarizer.summarize(request(Length.LONG, text, text));

        assertThat(summary.sentences()).extracting(SummarySentence::text).doesNotHaveDuplicates().hasSize(3);
    }

    @Test
    void skipsBlankDocumentsButKeepsTheirIndices() {
        Summary summary = summarizer.summarize(request(Length.SHORT, "  \n ", article, ""));

        assertThat(summary.sentences()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.citations().get(0).document()).isEqualTo(1));
    }

    @Test
    void rejectsRequestsWithoutText() {
        assertThatThrownBy(() -> summarizer.summarize(request(Length.SHORT, " ", "\n\t")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no text to summarise");
        assertThatThrownBy(() -> summarizer.summarize(request(Length.SHORT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no text to summarise");
    }

    @Test
    void cutsTheBestSentenceWhenNoSentenceFitsTheBudget() {
        String text = "Every sentence in this short text is considerably longer than the tiny budget of ten words."
                + " The second sentence is also much longer than the ten words that the budget allows.";

        Summary summary = summarizer.summarize(new SummaryRequest(
                List.of(new SourceDocument(null, text)), new LengthTarget(10)));

        assertThat(summary.sentences()).hasSize(1);
        assertThat(summary.wordCount()).isEqualTo(10);
        SummarySentence sentence = summary.sentences().get(0);
        Citation citation = sentence.citations().get(0);
        assertThat(text.substring(citation.start(), citation.end())).isEqualTo(sentence.text());
        assertThat(new SentenceSplitter().split(text)).extracting(Sentence::start).contains(citation.start());
    }

    @Test
    void singleSentenceDocument() {
        Summary summary = summarizer.summarize(request(Length.SHORT, "Just one sentence here."));

        assertThat(summary.text()).isEqualTo("Just one sentence here.");
        assertThat(summary.sentences().get(0).citations()).containsExactly(new Citation(0, 0, 23));
    }

    @Test
    void reportsModelAndStrategy() {
        Summary summary = summarizer.summarize(request(Length.SHORT, article));

        assertThat(summary.model()).isEqualTo(new ModelInfo("precis-extractive", "2")).isEqualTo(summarizer.model());
        assertThat(summary.strategy()).isEqualTo("single");
    }

    @Test
    void concurrentCallsGiveTheSameSummary() throws Exception {
        Summary expected = uncached.summarize(request(Length.MEDIUM, article));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Summary>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> uncached.summarize(request(Length.MEDIUM, article))));
            }
            for (Future<Summary> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Not an assertion: prints how long a ~1,000-word article takes, for the record. */
    @Test
    void printsTheTimeToSummariseAThousandWordArticle() {
        SummaryRequest request = request(Length.MEDIUM, article);
        for (int i = 0; i < 3; i++) {
            uncached.summarize(request);
        }
        int runs = 10;
        long[] millis = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            uncached.summarize(request);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        Summary summary = uncached.summarize(request);
        System.out.printf("Summarised %d words (%d sentences) into %d words: median %d ms, min %d ms, max %d ms"
                        + " over %d runs on %d CPUs%n%s%n",
                Words.count(article), new SentenceSplitter().split(article).size(), summary.wordCount(),
                millis[runs / 2], millis[0], millis[runs - 1], runs, Runtime.getRuntime().availableProcessors(),
                summary.text());
        assertThat(summary.sentences()).isNotEmpty();
    }
}

package io.precis.inference.llm;

import static io.precis.inference.llm.FakeChatServer.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.precis.inference.cite.CitationMapper;
import io.precis.inference.llm.FakeChatServer.Received;
import io.precis.inference.summarize.LengthTarget;
import io.precis.inference.summarize.Mode;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.Summary;
import io.precis.inference.summarize.SummaryRequest;
import io.precis.inference.summarize.SummarySentence;
import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which calls each strategy makes, what their prompts hold, and that every prompt fits the model's context. */
class LlmStrategiesTest {

    static final String MODEL = "test-model";
    static final int CONTEXT = 1024;
    static final SentenceSplitter SPLITTER = new SentenceSplitter();

    private FakeChatServer server;
    private LlmSummarizer llm;
    private String article;

    @BeforeEach
    void start() throws IOException {
        server = new FakeChatServer();
        llm = new LlmSummarizer(LlmConfig.of(server.baseUrl(), MODEL).withContextTokens(CONTEXT),
                new CitationMapper(new WordEmbedder()));
        try (InputStream in = getClass().getResourceAsStream("/harbour-article.txt")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static SummaryRequest request(Mode mode, String... texts) {
        return new SummaryRequest(Arrays.stream(texts).map(t -> new SourceDocument(null, t)).toList(),
                new LengthTarget(50), mode);
    }

    /** The text between the first pair of triple quotes after {@code marker}. */
    static String quoted(String prompt, String marker) {
        int from = prompt.indexOf("\"\"\"\n", prompt.indexOf(marker)) + 4;
        return prompt.substring(from, prompt.indexOf("\n\"\"\"", from));
    }

    static String withoutLabel(String piece) {
        return piece.substring(piece.indexOf('\n') + 1);
    }

    static String firstSentence(String text) {
        return SPLITTER.split(text).get(0).text();
    }

    private static boolean isMap(Received r) {
        return r.prompt().startsWith("The text below is one part of a longer input");
    }

    private static boolean isReduce(Received r) {
        return r.prompt().startsWith("Below are summaries of the parts");
    }

    private static boolean isRefine(Received r) {
        return r.prompt().startsWith("You are writing a summary of a long input");
    }

    @Test
    void mapReduceSummarisesEveryChunkThenCombinesTheirSummariesInOrder() {
        // Map calls answer with the first sentence of their part; the reduce call with a sentence of the article,
        // which can be cited, and one that cannot.
        server.otherwise(completion(r -> isMap(r) ? firstSentence(withoutLabel(quoted(r.prompt(), "Part:")))
                : "The council voted on Tuesday to replace the crumbling seawall. Aliens approved."));
        List<String> tokens = new CopyOnWriteArrayList<>();

        Summary summary = llm.summarize(request(Mode.AUTO, article), tokens::add);

        List<Received> requests = server.requests();
        List<Received> maps = requests.stream().filter(LlmStrategiesTest::isMap).toList();
        assertThat(maps.size()).as("the article is cut into several parts").isGreaterThanOrEqualTo(3);
        assertThat(requests).hasSize(maps.size() + 1);
        Received reduce = requests.get(requests.size() - 1);
        assertThat(isReduce(reduce)).isTrue();
        assertThat(maps).noneMatch(Received::streamed);
        assertThat(reduce.streamed()).isTrue();

        String mapped = String.join("\n", maps.stream().map(r -> quoted(r.prompt(), "Part:")).toList());
        for (Sentence sentence : SPLITTER.split(article)) {
            assertThat(mapped).as("every sentence reaches a map prompt").contains(sentence.text());
        }
        // Partial summaries reach the reduce prompt labelled and in article order, whatever order the maps ran in.
        String reduceInput = quoted(reduce.prompt(), "Summaries:");
        assertThat(reduceInput).startsWith("Part 1 of " + maps.size() + ":\nHarbour Town Votes to Replace");
        int previous = -1;
        for (int part = 1; part <= maps.size(); part++) {
            int at = reduceInput.indexOf("Part " + part + " of " + maps.size() + ":");
            assertThat(at).isGreaterThan(previous);
            previous = at;
        }
        assertFitsContext(requests);

        assertThat(summary.strategy()).isEqualTo("map-reduce");
        assertThat(String.join("", tokens)).isEqualTo(
                "The council voted on Tuesday to replace the crumbling seawall. Aliens approved.");
        assertThat(summary.sentences()).extracting(SummarySentence::text).containsExactly(
                "The council voted on Tuesday to replace the crumbling seawall.", "Aliens approved.");
        assertThat(summary.sentences().get(0).citations()).isNotEmpty();
        assertThat(summary.sentences().get(1).citations()).isEmpty();
    }

    @Test
    void refineWalksThePartsInOrderRevisingTheRunningSummary() {
        AtomicInteger step = new AtomicInteger();
        server.otherwise(completion(r -> "The seawall summary after step " + step.incrementAndGet() + "."));
        List<String> tokens = new CopyOnWriteArrayList<>();

        Summary summary = llm.summarize(request(Mode.REFINE, article), tokens::add);

        List<Received> requests = server.requests();
        assertThat(requests.size()).isGreaterThanOrEqualTo(3);
        assertThat(requests.get(0).prompt()).startsWith("Summarise the text below")
                .contains("Part 1 of " + requests.size() + ":\nHarbour Town Votes");
        for (int i = 1; i < requests.size(); i++) {
            Received r = requests.get(i);
            assertThat(isRefine(r)).isTrue();
            assertThat(quoted(r.prompt(), "Current summary:")).isEqualTo("The seawall summary after step " + i + ".");
            assertThat(quoted(r.prompt(), "Next part:")).startsWith("Part " + (i + 1) + " of " + requests.size());
            assertThat(r.streamed()).isEqualTo(i == requests.size() - 1);
        }
        assertThat(requests.get(0).streamed()).isFalse();
        assertFitsContext(requests);
        assertThat(summary.strategy()).isEqualTo("refine");
        assertThat(summary.text()).isEqualTo("The seawall summary after step " + requests.size() + ".");
        assertThat(String.join("", tokens)).isEqualTo(summary.text());
    }

    @Test
    void severalDocumentsAreSummarisedApartAndCitedByTheirIndex() {
        String first = "The bakery on Mill Street reopened on Monday after the flood.";
        String second = "The ferry to the islands will run twice a day from June.";
        server.otherwise(completion("The ferry to the islands will run twice a day from June. "
                + "The bakery on Mill Street reopened on Monday."));

        Summary summary = llm.summarize(request(Mode.AUTO, first, " ", second));

        assertThat(summary.strategy()).isEqualTo("map-reduce");
        // Both documents are shorter than a map summary, so they go to the reduce step as they are.
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(isReduce(r)).isTrue();
            assertThat(quoted(r.prompt(), "Summaries:")).isEqualTo(
                    "Document 1:\n" + first + "\n\nDocument 3:\n" + second);
        });
        assertThat(summary.sentences().get(0).citations()).singleElement()
                .satisfies(c -> assertThat(c.document()).isEqualTo(2));
        assertThat(summary.sentences().get(1).citations()).singleElement()
                .satisfies(c -> assertThat(c.document()).isEqualTo(0));
    }

    @Test
    void documentTitlesLabelTheDocumentsInASinglePass() {
        server.otherwise(completion("Two short notes."));

        Summary summary = llm.summarize(new SummaryRequest(List.of(
                new SourceDocument("Bakery", "The bakery reopened."),
                new SourceDocument("Ferry", "The ferry runs daily.")), new LengthTarget(50), Mode.SINGLE));

        assertThat(summary.strategy()).isEqualTo("single");
        assertThat(quoted(server.requests().get(0).prompt(), "Text:")).isEqualTo(
                "Document 1 (Bakery):\nThe bakery reopened.\n\nDocument 2 (Ferry):\nThe ferry runs daily.");
    }

    @Test
    void singleFallsBackToMapReduceWithANoticeWhenTheInputDoesNotFit() {
        server.otherwise(completion("The council voted to replace the seawall."));

        Summary summary = llm.summarize(request(Mode.SINGLE, article));

        assertThat(summary.strategy()).isEqualTo("map-reduce");
        assertThat(summary.notices()).singleElement().asString().contains("too long for one pass");
        assertFitsContext(server.requests());
    }

    @Test
    void autoTakesASinglePassWhenOneDocumentFits() {
        server.otherwise(completion("The council voted to replace the seawall."));

        Summary summary = llm.summarize(request(Mode.AUTO, firstSentence(article) + " " + "The vote was close.")
                );

        assertThat(summary.strategy()).isEqualTo("single");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aSummaryTooLongForTheContextIsRefusedBeforeAnyCall() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> llm.summarize(new SummaryRequest(
                        List.of(new SourceDocument(null, article)), new LengthTarget(1000), Mode.AUTO)))
                .withMessageContaining("too long for the language model's context of 1024 tokens");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aPreambleAndMarkdownAreStrippedFromTheAnswer() {
        server.otherwise(completion("Here is a summary of the text:\n\n- **The council** voted to replace the "
                + "seawall.\n- The project costs 48.5 million euros."));

        Summary summary = llm.summarize(request(Mode.SINGLE, "The council voted to replace the seawall. "
                + "The project costs 48.5 million euros."));

        assertThat(summary.sentences()).extracting(SummarySentence::text).containsExactly(
                "The council voted to replace the seawall.", "The project costs 48.5 million euros.");
    }

    /** Each prompt, by the same estimate, leaves room for its max_tokens inside the context. */
    private static void assertFitsContext(List<Received> requests) {
        for (Received r : requests) {
            int maxTokens = r.body().path("max_tokens").asInt();
            assertThat(maxTokens).isPositive();
            assertThat(TokenBudget.estimate(r.prompt()) + maxTokens).isLessThanOrEqualTo(CONTEXT);
        }
    }
}

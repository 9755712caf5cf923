package io.precis.inference.llm;

import static io.precis.inference.llm.FakeChatServer.completion;
import static io.precis.inference.llm.FakeChatServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleBiFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.precis.inference.cite.CitationMapper;
import io.precis.inference.summarize.LengthTarget;
import io.precis.inference.summarize.Mode;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.SummaryRequest;

/** Best-of-n against a local OpenAI-protocol stand-in: n calls, the reward's favourite kept, failures skipped. */
class BestOfNTest {
    static final String ARTICLE = "The council approved the harbour plan on Tuesday. Construction starts next spring. "
            + "The park replaces the container yard. A tram line will serve it.";
    private FakeChatServer server;
    private LlmSummarizer llm;
    private final List<String> scored = new CopyOnWriteArrayList<>();
    /** Prefers summaries that mention the tram: a stand-in for the production reward model. */
    private final ToDoubleBiFunction<List<String>, String> reward = (docs, summary) -> {
        assertThat(docs).containsExactly(ARTICLE);
        scored.add(summary);
        return summary.contains("tram") ? 1 : 0;
    };

    @BeforeEach
    void start() throws IOException {
        server = new FakeChatServer();
        LlmConfig config = LlmConfig.of(server.baseUrl(), "test-model").withContextTokens(1024);
        llm = new LlmSummarizer(config.withRetries(0, Duration.ofMillis(1), Duration.ofMillis(1)),
                new CitationMapper(new WordEmbedder()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void keepsTheSampleTheRewardModelScoresHighest() {
        server.then(completion("The council approved the harbour plan."), completion("A tram line will serve the new park."),
                completion("Construction starts next spring."));
        var best = new BestOfNSummarizer(llm, 3, () -> reward).summarize(request());
        assertThat(best.text()).isEqualTo("A tram line will serve the new park.");
        assertThat(server.requests()).hasSize(3);
        assertThat(scored).hasSize(3);
        assertThat(best.model().name()).isEqualTo("test-model");
    }

    @Test
    void oneSampleWhenNIsOneOrThereIsNoRewardModel() {
        server.then(completion("The council approved the harbour plan."), completion("Construction starts next spring."));
        assertThat(new BestOfNSummarizer(llm, 1, () -> reward).summarize(request()).text()).isEqualTo("The council approved the harbour plan.");
        assertThat(new BestOfNSummarizer(llm, 4, () -> null).summarize(request()).text()).isEqualTo("Construction starts next spring.");
        assertThat(server.requests()).hasSize(2);
        assertThat(scored).isEmpty();
        assertThatThrownBy(() -> new BestOfNSummarizer(llm, 0, () -> reward)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failedSamplesAreSkippedAndAllFailingPropagates() {
        String error = "{\"error\":{\"message\":\"overloaded\"}}";
        server.then(status(500, error), completion("Construction starts next spring."), status(500, error));
        assertThat(new BestOfNSummarizer(llm, 3, () -> reward).summarize(request()).text()).isEqualTo("Construction starts next spring.");
        server.then(status(500, error), status(500, error));
        assertThatThrownBy(() -> new BestOfNSummarizer(llm, 2, () -> reward).summarize(request()))
                .isInstanceOf(LlmUnavailableException.class);
    }

    private static SummaryRequest request() {
        return new SummaryRequest(List.of(new SourceDocument(null, ARTICLE)), new LengthTarget(50), Mode.SINGLE);
    }
}

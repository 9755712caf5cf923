package io.precis.inference.llm;

import static io.precis.inference.llm.FakeChatServer.completion;
import static io.precis.inference.llm.FakeChatServer.json;
import static io.precis.inference.llm.FakeChatServer.slow;
import static io.precis.inference.llm.FakeChatServer.status;
import static io.precis.inference.llm.FakeChatServer.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.precis.inference.cite.CitationMapper;
import io.precis.inference.llm.FakeChatServer.Received;
import io.precis.inference.summarize.Citation;
import io.precis.inference.summarize.ExtractiveSummarizer;
import io.precis.inference.summarize.LengthTarget;
import io.precis.inference.summarize.Mode;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.Summary;
import io.precis.inference.summarize.SummaryRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LLM backend against a local server that speaks the OpenAI chat-completions protocol: what it sends, how it
 * reads plain and streamed answers, and how it retries, times out, trips its breaker and falls back.
 */
class LlmProtocolTest {

    static final String MODEL = "mistralai/Mistral-7B-Instruct-v0.3";
    static final String ARTICLE = "The council of Harbour Town voted on Tuesday to replace the old seawall. "
            + "The project is estimated at 48.5 million euros. "
            + "Storm surges flooded the market square in each of the last three winters. "
            + "Mayor Elena Brandt called the vote a turning point for the town. "
            + "Construction could begin next autumn if the permits are granted.";
    static final String ANSWER = "The council of Harbour Town voted to replace the old seawall. "
            + "The project is estimated at 48.5 million euros. "
            + "Penguins were seen dancing near the lighthouse.";

    private FakeChatServer server;
    private LlmConfig config;

    @BeforeEach
    void start() throws Exception {
        server = new FakeChatServer();
        config = LlmConfig.of(server.baseUrl(), MODEL)
                .withTimeout(Duration.ofSeconds(3))
                .withRetries(2, Duration.ofMillis(20), Duration.ofSeconds(2))
                .withBreaker(3, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private LlmSummarizer llm(LlmConfig config) {
        return new LlmSummarizer(config, new CitationMapper(new WordEmbedder()));
    }

    private final ExtractiveSummarizer embedded = new ExtractiveSummarizer(new WordEmbedder());

    private FallbackSummarizer withFallback(LlmSummarizer llm) {
        return new FallbackSummarizer(llm, embedded);
    }

    private static SummaryRequest request(Mode mode, String... texts) {
        return new SummaryRequest(java.util.Arrays.stream(texts).map(t -> new SourceDocument(null, t)).toList(),
                new LengthTarget(50), mode);
    }

    @Test
    void sendsOnePromptWithTheDocumentAndReadsACitedSummary() {
        server.then(completion(ANSWER));

        Summary summary = llm(config).summarize(request(Mode.AUTO, ARTICLE));

        assertThat(server.requests()).hasSize(1);
        Received sent = server.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.body().path("model").asText()).isEqualTo(MODEL);
        assertThat(sent.body().path("messages")).hasSize(1);
        assertThat(sent.body().path("messages").path(0).path("role").asText()).isEqualTo("user");
        assertThat(sent.prompt()).contains("Summarise the text below in about 50 words").contains(ARTICLE);
        assertThat(sent.streamed()).isFalse();
        assertThat(sent.body().path("max_tokens").asInt()).isEqualTo(TokenBudget.outputTokens(50)).isBetween(70, 200);
        assertThat(sent.body().path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(sent.header("Authorization")).isNull();
        assertThat(sent.body().fieldNames()).toIterable().as("nothing a vLLM, Ollama or llama.cpp server might reject")
                .containsExactlyInAnyOrder("model", "messages", "temperature", "stream", "max_tokens");

        assertThat(summary.strategy()).isEqualTo("single");
        assertThat(summary.model().name()).isEqualTo(MODEL);
        assertThat(summary.notices()).isEmpty();
        assertThat(summary.sentences()).extracting(s -> s.text()).containsExactly(
                "The council of Harbour Town voted to replace the old seawall.",
                "The project is estimated at 48.5 million euros.",
                "Penguins were seen dancing near the lighthouse.");
        assertThat(summary.sentences().get(0).citations()).first()
                .satisfies(c -> assertThat(ARTICLE.substring(c.start(), c.end())).startsWith("The council"));
        assertThat(summary.sentences().get(1).citations()).containsExactly(new Citation(0,
                ARTICLE.indexOf("The project"), ARTICLE.indexOf("euros.") + "euros.".length()));
        assertThat(summary.sentences().get(2).citations()).as("invented, so unsupported").isEmpty();
    }

    @Test
    void sendsTheApiKeyAsBearerToken() {
        server.then(completion(ANSWER));

        llm(config.withApiKey("secret-key")).summarize(request(Mode.SINGLE, ARTICLE));

        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer secret-key");
    }

    @Test
    void streamsTheFinalPassTokenByTokenAndReturnsTheCitedSummary() {
        server.then(stream(Duration.ofMillis(5), FakeChatServer.tokens(ANSWER)));
        List<String> tokens = new CopyOnWriteArrayList<>();

        Summary summary = llm(config).summarize(request(Mode.SINGLE, ARTICLE), tokens::add);

        Received sent = server.requests().get(0);
        assertThat(sent.streamed()).isTrue();
        assertThat(sent.body().path("model").asText()).isEqualTo(MODEL);
        assertThat(sent.body().path("max_tokens").asInt()).isEqualTo(TokenBudget.outputTokens(50));
        assertThat(sent.prompt()).contains("Summarise the text below").contains(ARTICLE);
        assertThat(tokens).hasSize(FakeChatServer.tokens(ANSWER).length);
        assertThat(String.join("", tokens)).isEqualTo(ANSWER);
        assertThat(summary.text()).isEqualTo(ANSWER);
        assertThat(summary.sentences().get(0).citations()).isNotEmpty();
        assertThat(summary.sentences().get(2).citations()).isEmpty();
    }

    @Test
    void retriesAfterRateLimitingAndWaitsAsLongAsRetryAfterSays() {
        server.then(status(429, "{\"error\":{\"message\":\"Too many requests\"}}", "Retry-After", "1"),
                completion(ANSWER));

        Summary summary = withFallback(llm(config)).summarize(request(Mode.SINGLE, ARTICLE));

        List<Received> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(Duration.ofNanos(requests.get(1).atNanos() - requests.get(0).atNanos()))
                .as("Retry-After: 1 outweighs the 20 ms backoff").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(summary.notices()).isEmpty();
        assertThat(summary.model().name()).isEqualTo(MODEL);
    }

    @Test
    void retriesStreamedRequestsThatFailBeforeTheFirstToken() {
        server.then(status(503, "overloaded"), stream(Duration.ZERO, FakeChatServer.tokens(ANSWER)));
        List<String> tokens = new CopyOnWriteArrayList<>();

        Summary summary = llm(config).summarize(request(Mode.SINGLE, ARTICLE), tokens::add);

        assertThat(server.requests()).hasSize(2).allMatch(Received::streamed);
        assertThat(String.join("", tokens)).isEqualTo(ANSWER);
        assertThat(summary.text()).isEqualTo(ANSWER);
    }

    @Test
    void fallsBackWhenServerErrorsOutlastTheRetriesThenTheOpenBreakerSparesTheServer() {
        server.otherwise(status(500, "{\"object\":\"error\",\"message\":\"CUDA out of memory\"}"));
        LlmSummarizer llm = llm(config);
        FallbackSummarizer summarizer = withFallback(llm);

        Summary first = summarizer.summarize(request(Mode.SINGLE, ARTICLE));

        assertThat(server.requests()).as("one try and two retries").hasSize(3);
        assertThat(first.model()).isEqualTo(embedded.model());
        assertThat(first.sentences()).isNotEmpty().allSatisfy(s -> assertThat(s.citations()).isNotEmpty());
        assertThat(first.notices()).containsExactly("The language model was unavailable (HTTP 500: CUDA out of "
                + "memory, after 3 attempts); this summary comes from the embedded extractive model.");
        assertThat(llm.endpoint().breakerState()).isEqualTo(CircuitBreaker.State.OPEN);

        long started = System.nanoTime();
        Summary second = summarizer.summarize(request(Mode.SINGLE, ARTICLE), token -> { });

        assertThat(server.requests()).as("the open breaker keeps calls off the server").hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(second.model()).isEqualTo(embedded.model());
        assertThat(second.notices()).singleElement().asString()
                .startsWith("The language model was unavailable (it failed repeatedly, so calls to it are paused");
    }

    @Test
    void anOpenBreakerLetsAProbeThroughAfterItsWaitAndClosesWhenItSucceeds() throws Exception {
        server.then(status(502, ""), status(502, ""), status(502, "")).otherwise(completion(ANSWER));
        LlmSummarizer llm = llm(config.withBreaker(3, Duration.ofMillis(300)));
        FallbackSummarizer summarizer = withFallback(llm);

        assertThat(summarizer.summarize(request(Mode.SINGLE, ARTICLE)).notices()).singleElement().asString()
                .contains("HTTP 502, after 3 attempts");
        assertThat(llm.endpoint().breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        Thread.sleep(400);

        Summary recovered = summarizer.summarize(request(Mode.SINGLE, ARTICLE));

        assertThat(recovered.notices()).isEmpty();
        assertThat(recovered.model().name()).isEqualTo(MODEL);
        assertThat(llm.endpoint().breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void aSlowAnswerTimesOutWithoutRetryAndFallsBack() {
        server.otherwise(slow(Duration.ofSeconds(5), completion(ANSWER)));
        long started = System.nanoTime();

        Summary summary = withFallback(llm(config.withTimeout(Duration.ofMillis(500))))
                .summarize(request(Mode.SINGLE, ARTICLE));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(server.requests()).hasSize(1);
        assertThat(summary.model()).isEqualTo(embedded.model());
        assertThat(summary.notices()).containsExactly("The language model was unavailable (no answer within 0.5 s); "
                + "this summary comes from the embedded extractive model.");
    }

    @Test
    void aStreamThatStallsTimesOutAndFallsBack() {
        server.otherwise(stream(Duration.ofSeconds(5), "The council", " voted."));
        List<String> tokens = new CopyOnWriteArrayList<>();
        long started = System.nanoTime();

        Summary summary = withFallback(llm(config.withTimeout(Duration.ofMillis(500))))
                .summarize(request(Mode.SINGLE, ARTICLE), tokens::add);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(tokens).isEmpty();
        assertThat(summary.model()).isEqualTo(embedded.model());
        assertThat(summary.notices()).singleElement().asString().contains("no answer within 0.5 s");
    }

    @Test
    void aBodyThatIsNotJsonIsAFailureWithAClearReason() {
        server.otherwise(json(200, "<html>502 Bad Gateway</html>"));

        Summary summary = withFallback(llm(config)).summarize(request(Mode.SINGLE, ARTICLE));

        assertThat(server.requests()).as("not retried").hasSize(1);
        assertThat(summary.model()).isEqualTo(embedded.model());
        assertThat(summary.notices()).singleElement().asString()
                .startsWith("The language model was unavailable (the endpoint's response was not valid JSON");
    }

    @Test
    void jsonWithoutChoicesIsMalformed() {
        server.otherwise(json(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}"));

        Summary summary = withFallback(llm(config)).summarize(request(Mode.SINGLE, ARTICLE));

        assertThat(summary.notices()).singleElement().asString()
                .startsWith("The language model was unavailable (the endpoint's response was malformed");
    }

    @Test
    void anEmptyAnswerIsAFailure() {
        server.otherwise(completion("   "));

        Summary summary = withFallback(llm(config)).summarize(request(Mode.SINGLE, ARTICLE));

        assertThat(summary.notices()).containsExactly("The language model was unavailable (the model returned an "
                + "empty answer); this summary comes from the embedded extractive model.");
    }

    @Test
    void aMalformedStreamChunkIsAFailure() {
        server.otherwise((exchange, request) -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("data: {\"choices\":[{\"delta\":{\"content\":\"The\"\n\ndata: [DONE]\n\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });

        Summary summary = withFallback(llm(config)).summarize(request(Mode.SINGLE, ARTICLE), token -> { });

        assertThat(summary.notices()).singleElement().asString().contains("not valid JSON");
    }

    @Test
    void aRejectedRequestIsNotRetriedAndTheServersMessageIsKept() {
        server.otherwise(status(400, "{\"object\":\"error\",\"message\":\"This model's maximum context length is "
                + "4096 tokens.\",\"type\":\"BadRequestError\",\"code\":400}"));

        Summary summary = withFallback(llm(config)).summarize(request(Mode.SINGLE, ARTICLE));

        assertThat(server.requests()).hasSize(1);
        assertThat(summary.notices()).singleElement().asString()
                .contains("(HTTP 400: This model's maximum context length is 4096 tokens.)");
    }

    @Test
    void anUnreachableEndpointIsRetriedThenFallsBack() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LlmConfig unreachable = LlmConfig.of("http://127.0.0.1:" + closedPort, MODEL)
                .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(100));

        Summary summary = withFallback(llm(unreachable)).summarize(request(Mode.SINGLE, ARTICLE));

        assertThat(summary.notices()).singleElement().asString()
                .startsWith("The language model was unavailable (cannot connect to the endpoint")
                .contains("after 2 attempts");
    }

    @Test
    void invalidRequestsAreNotHiddenByTheFallback() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> withFallback(llm(config)).summarize(request(Mode.SINGLE, " ", "")))
                .withMessage("no text to summarise");
        assertThat(server.requests()).isEmpty();
    }
}

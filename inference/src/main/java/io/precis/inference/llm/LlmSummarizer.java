package io.precis.inference.llm;

import io.precis.inference.cite.CitationMapper;
import io.precis.inference.embed.Embedder;
import io.precis.inference.llm.ChatEndpoint.Completion;
import io.precis.inference.summarize.Mode;
import io.precis.inference.summarize.ModelInfo;
import io.precis.inference.summarize.StrategyChooser;
import io.precis.inference.summarize.Summary;
import io.precis.inference.summarize.SummaryRequest;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Abstractive summaries from a language model behind an OpenAI-compatible chat endpoint (vLLM, Ollama,
 * llama.cpp), each sentence cited back to the source sentences that support it.
 *
 * <p>Strategies: {@code single} sends all documents in one prompt; {@code map-reduce} summarises each document,
 * or each chunk of a long one, and then combines the partial summaries (in several rounds when they do not fit
 * one prompt); {@code refine} walks the chunks in order, revising a running summary. {@link StrategyChooser}
 * resolves {@link Mode#AUTO} against what fits one prompt; {@link Mode#SINGLE} falls back to map-reduce, with a
 * notice, when the input does not fit. Sizes are estimated against {@link LlmConfig#contextTokens()}.
 *
 * <p>Every call is retried on 429, 5xx and failed connections and guarded by a circuit breaker; a failure ends in
 * an {@link LlmUnavailableException}, which {@link FallbackSummarizer} turns into a summary from another backend.
 * Thread-safe: share one instance, so that the breaker sees all calls.
 */
public final class LlmSummarizer implements StreamingSummarizer {

    private static final String ENDPOINT_KIND = "openai-compatible";

    private final LlmConfig config;
    private final ChatEndpoint endpoint;
    private final Passes passes;
    private final CitationMapper citations;

    public LlmSummarizer(LlmConfig config, Embedder embedder) {
        this(config, new CitationMapper(embedder));
    }

    public LlmSummarizer(LlmConfig config, CitationMapper citations) {
        this(config, new ChatEndpoint(Objects.requireNonNull(config, "config")), citations);
    }

    LlmSummarizer(LlmConfig config, ChatEndpoint endpoint, CitationMapper citations) {
        this.config = config;
        this.endpoint = endpoint;
        this.citations = Objects.requireNonNull(citations, "citations");
        this.passes = new Passes(endpoint, new Prompts(), new TokenBudget(config.contextTokens()),
                config.mapParallelism());
    }

    @Override
    public Summary summarize(SummaryRequest request) {
        return run(request, null);
    }

    @Override
    public Summary summarize(SummaryRequest request, Consumer<String> onToken) {
        return run(request, Objects.requireNonNull(onToken, "onToken"));
    }

    /** Names the configured model; a summary's own ModelInfo may name what the endpoint reported instead. */
    @Override
    public ModelInfo model() {
        return new ModelInfo(config.modelId(), ENDPOINT_KIND);
    }

    ChatEndpoint endpoint() {
        return endpoint;
    }

    private Summary run(SummaryRequest request, Consumer<String> onToken) {
        Objects.requireNonNull(request, "request");
        List<Doc> docs = Doc.nonBlank(request.documents());
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("no text to summarise");
        }
        int words = request.length().maxWords();
        Mode strategy = strategy(request, docs, words);
        Completion completion = switch (strategy) {
            case SINGLE -> passes.single(docs, words, onToken);
            case MAP_REDUCE -> passes.mapReduce(docs, words, onToken);
            case REFINE -> passes.refine(docs, words, onToken);
            case AUTO -> throw new IllegalStateException("AUTO is resolved before this point");
        };
        List<String> sentences = OutputText.sentences(OutputText.clean(completion.text(), completion.truncated()));
        if (sentences.isEmpty()) {
            throw new LlmUnavailableException("the model returned no usable text");
        }
        Summary summary = new Summary(citations.cite(sentences, request.documents()), modelInfo(completion),
                strategy.label());
        if (request.mode() == Mode.SINGLE && strategy != Mode.SINGLE) {
            summary = summary.withNotice("The documents are too long for one pass of the language model, so they "
                    + "were summarised in parts and combined (map-reduce).");
        }
        return summary;
    }

    private Mode strategy(SummaryRequest request, List<Doc> docs, int words) {
        Mode chosen = StrategyChooser.choose(request, passes.singlePassWords(words));
        // The chooser counts words; the token estimate also counts characters, which matters for numbers and code.
        return chosen == Mode.SINGLE && !passes.fitsSinglePass(docs, words) ? Mode.MAP_REDUCE : chosen;
    }

    private ModelInfo modelInfo(Completion completion) {
        String reported = completion.modelName();
        boolean differs = reported != null && !reported.isBlank() && !reported.equals(config.modelId());
        return new ModelInfo(config.modelId(), differs ? reported : ENDPOINT_KIND);
    }
}

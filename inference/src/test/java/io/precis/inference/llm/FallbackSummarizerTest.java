package io.precis.inference.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.precis.inference.summarize.LengthTarget;
import io.precis.inference.summarize.ModelInfo;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.Summarizer;
import io.precis.inference.summarize.Summary;
import io.precis.inference.summarize.SummaryRequest;
import io.precis.inference.summarize.SummarySentence;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class FallbackSummarizerTest {

    private static final SummaryRequest REQUEST =
            new SummaryRequest(List.of(new SourceDocument(null, "Some text.")), new LengthTarget(50));

    private static Summarizer fixed(String name) {
        return new Summarizer() {
            @Override
            public Summary summarize(SummaryRequest request) {
                return new Summary(List.of(new SummarySentence("From " + name + ".", List.of())),
                        model(), "single");
            }

            @Override
            public ModelInfo model() {
                return new ModelInfo(name, "1");
            }
        };
    }

    private static StreamingSummarizer failing(RuntimeException failure) {
        return new StreamingSummarizer() {
            @Override
            public Summary summarize(SummaryRequest request, Consumer<String> onToken) {
                onToken.accept("partial");
                throw failure;
            }

            @Override
            public Summary summarize(SummaryRequest request) {
                throw failure;
            }

            @Override
            public ModelInfo model() {
                return new ModelInfo("llm", "1");
            }
        };
    }

    @Test
    void usesThePrimaryWhileItWorks() {
        FallbackSummarizer summarizer = new FallbackSummarizer(fixed("primary"), fixed("fallback"));
        assertThat(summarizer.summarize(REQUEST).text()).isEqualTo("From primary.");
        assertThat(summarizer.summarize(REQUEST).notices()).isEmpty();
        assertThat(summarizer.model().name()).isEqualTo("primary");
    }

    @Test
    void fallsBackWithTheReasonInANotice() {
        FallbackSummarizer summarizer = new FallbackSummarizer(
                failing(new LlmUnavailableException("HTTP 503, after 3 attempts")), fixed("fallback"));

        Summary summary = summarizer.summarize(REQUEST);

        assertThat(summary.text()).isEqualTo("From fallback.");
        assertThat(summary.notices()).containsExactly("The language model was unavailable (HTTP 503, after 3 "
                + "attempts); this summary comes from the embedded extractive model.");
    }

    @Test
    void streamsThroughAStreamingPrimaryAndFallsBackWhenItFailsPartWay() {
        List<String> tokens = new ArrayList<>();
        FallbackSummarizer summarizer = new FallbackSummarizer(
                failing(new LlmUnavailableException("no answer within 60 s")), fixed("fallback"));

        Summary summary = summarizer.summarize(REQUEST, tokens::add);

        assertThat(tokens).containsExactly("partial");
        assertThat(summary.text()).isEqualTo("From fallback.");
        assertThat(summary.notices()).singleElement().asString().contains("no answer within 60 s");
    }

    @Test
    void aNonStreamingPrimaryIsCalledPlainly() {
        List<String> tokens = new ArrayList<>();
        Summary summary = new FallbackSummarizer(fixed("primary"), fixed("fallback")).summarize(REQUEST, tokens::add);
        assertThat(summary.text()).isEqualTo("From primary.");
        assertThat(tokens).isEmpty();
    }

    @Test
    void unexpectedFailuresFallBackToo() {
        Summary summary = new FallbackSummarizer(failing(new IllegalStateException("bug")), fixed("fallback"))
                .summarize(REQUEST);
        assertThat(summary.notices()).singleElement().asString()
                .contains("(unexpected error: IllegalStateException)");
    }

    @Test
    void invalidRequestsAreNotRetriedWithTheFallback() {
        FallbackSummarizer summarizer = new FallbackSummarizer(
                failing(new IllegalArgumentException("no text to summarise")), fixed("fallback"));
        assertThatIllegalArgumentException().isThrownBy(() -> summarizer.summarize(REQUEST))
                .withMessage("no text to summarise");
        assertThatIllegalArgumentException().isThrownBy(() -> summarizer.summarize(REQUEST, t -> { }));
    }
}

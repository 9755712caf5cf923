package io.precis.inference.llm;

import io.precis.inference.summarize.Summary;
import io.precis.inference.summarize.SummaryRequest;
import io.precis.inference.summarize.Summarizer;
import java.util.function.Consumer;

/** A summariser that can show its final pass as the model writes it. */
public interface StreamingSummarizer extends Summarizer {

    /**
     * Summarises like {@link #summarize(SummaryRequest)}, passing the text of the final pass to {@code onToken}
     * piece by piece as it is generated (earlier passes of map-reduce and refine are not streamed). The returned
     * summary is the one to keep: it is cleaned up, split into sentences and cited, and when the model failed
     * part-way it may come from another backend, so show it in place of the streamed text. {@code onToken} is
     * called from another thread; an exception it throws stops the streaming but not the summary.
     */
    Summary summarize(SummaryRequest request, Consumer<String> onToken);
}

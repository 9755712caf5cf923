package io.precis.app.librarysummary;

import java.util.List;

import org.springframework.stereotype.Component;

import io.precis.app.library.SelectionSummarizer;
import io.precis.app.summarize.SummarizeCommand;
import io.precis.app.summarize.SummarizeService;

/**
 * Connects the Library's "summarise selected" to the summary service: a multi-document summary with citations,
 * stored in the owner's history, shown at {@code history/<id>}. It lives in a package of its own so that neither
 * feature depends on the other through it (the summary feature may use the Library's retriever).
 */
@Component
class LibrarySelectionSummarizer implements SelectionSummarizer {
    private final SummarizeService summaries;

    LibrarySelectionSummarizer(SummarizeService summaries) {
        this.summaries = summaries;
    }

    @Override
    public String summarize(List<SelectedDocument> documents, String owner) {
        List<SummarizeCommand.DocumentInput> inputs = documents.stream()
                .map(d -> new SummarizeCommand.DocumentInput(d.title(), d.text()))
                .toList();
        return "history/" + summaries.summarize(new SummarizeCommand(inputs, "medium", null), owner).id();
    }

    @Override
    public String summarizeQuestion(String question, String collection, String owner) {
        return "history/" + summaries.summarize(new SummarizeCommand(null, null, null, null, question, collection), owner).id();
    }
}

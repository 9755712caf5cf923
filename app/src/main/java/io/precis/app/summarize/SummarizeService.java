package io.precis.app.summarize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.precis.admin.web.Problems;
import io.precis.inference.summarize.Length;
import io.precis.inference.llm.StreamingSummarizer;
import io.precis.inference.summarize.LengthTarget;
import io.precis.inference.summarize.Mode;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.Summary;
import io.precis.inference.summarize.SummaryRequest;
import io.precis.inference.text.Words;

/** Validates a request, summarises it on the serving backend, stores and measures the result. */
@Service
public class SummarizeService {
    static final int MIN_WORDS = 10;
    static final int MAX_WORDS = 2000;

    private final ServedModels served;
    private final SummaryRepository summaries;
    private final SummarizeProperties props;
    private final QuestionSources questionSources;
    private final DistributionSummary lengthWords;

    SummarizeService(ServedModels served, SummaryRepository summaries, SummarizeProperties props,
                     QuestionSources questionSources, MeterRegistry meters) {
        this.served = served;
        this.questionSources = questionSources;
        this.summaries = summaries;
        this.props = props;
        this.lengthWords = DistributionSummary.builder("summary.length.words")
                .description("Length of produced summaries in words")
                .baseUnit("words")
                .serviceLevelObjectives(25, 50, 75, 100, 150, 200, 300, 500, 1000, 2000)
                .register(meters);
    }

    /** @throws org.springframework.web.ErrorResponseException with a 4xx status and a readable detail for bad input */
    public SummaryResult summarize(SummarizeCommand command, String owner) {
        return summarize(command, owner, null);
    }

    /**
     * As {@link #summarize(SummarizeCommand, String)}, passing the text to {@code onToken} as it is generated when the
     * backend streams (the LLM); the returned result is the final, cited summary.
     */
    public SummaryResult summarize(SummarizeCommand command, String owner, Consumer<String> onToken) {
        long started = System.nanoTime();
        List<SourceDocument> documents = validDocuments(command);
        SummaryRequest request = new SummaryRequest(documents, lengthTarget(command), mode(command));
        ServedModels.Served model = served.choose();
        Summary summary = onToken != null && model.summarizer() instanceof StreamingSummarizer streaming
                ? streaming.summarize(request, onToken)
                : model.summarizer().summarize(request);
        String title = hasQuery(command) ? clip(command.query().strip()) : titleOf(documents);
        return store(owner, title, request, summary, model.versionId(), started);
    }

    /**
     * Stores a finished summary as one of {@code owner}'s, records its length and has it scored for
     * {@code rlhf_reward}; {@code startedNanos} is when the work on it began.
     */
    SummaryResult store(String owner, String title, SummaryRequest request, Summary summary, Long versionId, long startedNanos) {
        long totalMs = (System.nanoTime() - startedNanos) / 1_000_000;
        SummaryRecord saved = summaries.save(new SummaryRecord(owner, title, request.documents(),
                request.length().wordsFor(request.documents()), request.mode(), summary, versionId, totalMs));
        lengthWords.record(summary.wordCount());
        served.scoreReward(saved.id(), request.documents(), summary);
        return SummaryResult.of(saved);
    }

    public Optional<SummaryResult> find(UUID id, String requester, boolean seesAll) {
        return visible(id, requester, seesAll).map(SummaryResult::of);
    }

    public List<SummaryListItem> history(String owner, int page, int size) {
        return summaries.findByOwnerOrderByCreatedAtDesc(owner, PageRequest.of(page, size)).map(SummaryListItem::of).toList();
    }

    Optional<SummaryRecord> visible(UUID id, String requester, boolean seesAll) {
        return summaries.findById(id).filter(s -> seesAll || s.owner().equals(requester));
    }

    private static boolean hasQuery(SummarizeCommand command) {
        return command != null && command.query() != null && !command.query().isBlank();
    }

    private List<SourceDocument> validDocuments(SummarizeCommand command) {
        if (hasQuery(command)) {
            if (command.documents() != null && !command.documents().isEmpty()) {
                throw Problems.badRequest("Send either 'documents' to summarise or a 'query' to answer from the Library, not both.");
            }
            return questionSources.retrieve(command.query(), command.collection());
        }
        if (command != null && command.collection() != null && !command.collection().isBlank()) {
            throw Problems.badRequest("'collection' goes with 'query': ask a question to summarise from a Library collection.");
        }
        if (command == null || command.documents() == null || command.documents().isEmpty()) {
            throw Problems.badRequest("Send at least one document in 'documents', each with its 'text', or a 'query' to answer from the Library.");
        }
        if (command.documents().size() > props.maxDocuments()) {
            throw Problems.badRequest("A request may carry at most " + props.maxDocuments() + " documents, not " + command.documents().size() + ".");
        }
        List<SourceDocument> documents = new ArrayList<>();
        long chars = 0;
        for (int i = 0; i < command.documents().size(); i++) {
            var doc = command.documents().get(i);
            if (doc == null || doc.text() == null || doc.text().isBlank()) {
                throw Problems.badRequest("Document " + i + " has no text: paste or upload some text to summarise.");
            }
            if (Words.count(doc.text()) == 0) {
                throw Problems.badRequest("Document " + i + " has no words to summarise.");
            }
            chars += doc.text().length();
            String title = doc.title() == null || doc.title().isBlank() ? null : doc.title().strip();
            documents.add(new SourceDocument(title, doc.text()));
        }
        if (chars > props.maxChars()) {
            throw Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                    "The text has " + chars + " characters; the limit is " + props.maxChars() + ". Split it or summarise fewer documents.");
        }
        return documents;
    }

    private static LengthTarget lengthTarget(SummarizeCommand command) {
        if (command.length() != null && command.maxWords() != null) {
            throw Problems.badRequest("Give either 'length' or 'maxWords', not both.");
        }
        if (command.maxWords() != null) {
            if (command.maxWords() < MIN_WORDS || command.maxWords() > MAX_WORDS) {
                throw Problems.badRequest("'maxWords' must be between " + MIN_WORDS + " and " + MAX_WORDS + ", not " + command.maxWords() + ".");
            }
            return new LengthTarget(command.maxWords());
        }
        if (command.length() == null) return LengthTarget.auto();
        try {
            return LengthTarget.of(Length.valueOf(command.length().trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("'length' must be \"auto\", \"short\", \"medium\" or \"long\", not \"" + command.length() + "\".");
        }
    }

    private static Mode mode(SummarizeCommand command) {
        if (command.mode() == null) return Mode.AUTO;
        try {
            return Mode.parse(command.mode());
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("'" + e.getMessage().replaceFirst("^mode", "mode'"));
        }
    }

    private static String titleOf(List<SourceDocument> documents) {
        SourceDocument first = documents.get(0);
        String title = first.title() != null ? first.title() : firstWords(first.text(), 8);
        if (documents.size() > 1) title += " (+" + (documents.size() - 1) + " more)";
        return clip(title);
    }

    private static String clip(String title) {
        return title.length() > 300 ? title.substring(0, 297) + "..." : title;
    }

    private static String firstWords(String text, int n) {
        String[] words = text.strip().split("\\s+", n + 1);
        String joined = String.join(" ", java.util.Arrays.copyOf(words, Math.min(n, words.length)));
        return words.length > n ? joined + "…" : joined;
    }
}

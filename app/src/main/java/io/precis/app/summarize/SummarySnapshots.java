package io.precis.app.summarize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.precis.admin.feedback.FeedbackSubjects;

/** Gives feedback a frozen copy of the summary it is about: input, output, model version and strategy. */
@Component
class SummarySnapshots implements FeedbackSubjects {
    private final SummarizeService summaries;

    SummarySnapshots(SummarizeService summaries) {
        this.summaries = summaries;
    }

    @Override
    public Optional<Map<String, Object>> snapshot(UUID summaryId, String requester, boolean seesAll) {
        return summaries.visible(summaryId, requester, seesAll).map(s -> {
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("documents", s.documents());
            snapshot.put("maxWords", s.maxWords());
            snapshot.put("summary", s.summary());
            snapshot.put("sentences", s.sentences());
            snapshot.put("model", s.model());
            snapshot.put("strategy", s.strategy());
            snapshot.put("summaryCreatedAt", s.createdAt().toString());
            return snapshot;
        });
    }
}

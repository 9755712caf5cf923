package io.precis.app.summarize;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import io.precis.admin.feedback.FeedbackService;
import io.precis.admin.feedback.PreferencePairs;

/**
 * What a {@link SummaryPanel} works with besides its summary: ratings and comments, edits and preferences, second
 * candidates for a comparison, and the threads that make them while the UI shows progress.
 */
@Component
class SummaryTools {
    final FeedbackService feedback;
    final PreferencePairs pairs;
    final SecondCandidates candidates;
    final Executor tasks;

    SummaryTools(FeedbackService feedback, PreferencePairs pairs, SecondCandidates candidates,
            @Qualifier(SummarizerConfig.UI_TASKS) Executor tasks) {
        this.feedback = feedback;
        this.pairs = pairs;
        this.candidates = candidates;
        this.tasks = tasks;
    }
}

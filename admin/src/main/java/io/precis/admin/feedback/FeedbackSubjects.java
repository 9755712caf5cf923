package io.precis.admin.feedback;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What feedback can be given on. Declared here and implemented by the app, which owns summaries, so that
 * dependencies keep pointing app → admin.
 */
public interface FeedbackSubjects {

    /**
     * An immutable snapshot (input, output, model version, strategy) of the summary, if it exists and the
     * requester may see it.
     */
    Optional<Map<String, Object>> snapshot(UUID summaryId, String requester, boolean seesAll);
}

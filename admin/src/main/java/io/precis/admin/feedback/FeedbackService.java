package io.precis.admin.feedback;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.precis.admin.web.Problems;

/** Records analysts' ratings, thumbs and comments, each with an immutable snapshot of what they judged. */
@Service
public class FeedbackService {
    static final int MAX_COMMENT = 5_000;

    /** What an analyst says about one summary: a rating (1–5) or a thumb ("up"/"down"), and an optional comment. */
    public record FeedbackRequest(UUID summaryId, Integer rating, String thumb, String comment) {
    }

    private final FeedbackRepository feedback;
    private final FeedbackSubjects subjects;

    FeedbackService(FeedbackRepository feedback, FeedbackSubjects subjects) {
        this.feedback = feedback;
        this.subjects = subjects;
    }

    /** @throws org.springframework.web.ErrorResponseException 400 for invalid input, 404 for an unknown summary */
    @Transactional
    public FeedbackItem record(FeedbackRequest request, String author, boolean seesAll) {
        if (request.summaryId() == null) throw Problems.badRequest("'summaryId' is required.");
        if (request.rating() == null && request.thumb() == null) {
            throw Problems.badRequest("Give a 'rating' (1-5) or a 'thumb' (\"up\" or \"down\").");
        }
        if (request.rating() != null && (request.rating() < 1 || request.rating() > 5)) {
            throw Problems.badRequest("'rating' must be between 1 and 5, not " + request.rating() + ".");
        }
        String thumb = request.thumb() == null ? null : request.thumb().trim().toLowerCase(Locale.ROOT);
        if (thumb != null && !thumb.equals("up") && !thumb.equals("down")) {
            throw Problems.badRequest("'thumb' must be \"up\" or \"down\", not \"" + request.thumb() + "\".");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw Problems.badRequest("'comment' has " + comment.length() + " characters; the limit is " + MAX_COMMENT + ".");
        }
        var snapshot = subjects.snapshot(request.summaryId(), author, seesAll)
                .orElseThrow(() -> Problems.notFound("summary", request.summaryId()));
        return feedback.save(new Feedback(request.summaryId(), author, request.rating(), thumb, comment, snapshot)).toItem();
    }

    public List<FeedbackItem> forSummary(UUID summaryId) {
        return feedback.findBySummaryIdOrderByCreatedAtDesc(summaryId).stream().map(Feedback::toItem).toList();
    }
}

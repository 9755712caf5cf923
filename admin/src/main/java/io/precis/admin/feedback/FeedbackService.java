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
        Verdict verdict = verdict(request.rating(), request.thumb(), request.comment());
        var snapshot = subjects.snapshot(request.summaryId(), author, seesAll)
                .orElseThrow(() -> Problems.notFound("summary", request.summaryId()));
        return feedback.save(new Feedback(request.summaryId(), author, verdict.rating(), verdict.thumb(), verdict.comment(), snapshot)).toItem();
    }

    /** A checked judgement: a rating (1–5) or a thumb ({@code up}/{@code down}), and an optional comment. */
    public record Verdict(Integer rating, String thumb, String comment) {
    }

    /**
     * Checks a judgement of anything (summaries, research reports).
     *
     * @throws org.springframework.web.ErrorResponseException 400 for what is missing or invalid
     */
    public static Verdict verdict(Integer rating, String thumbText, String commentText) {
        if (rating == null && thumbText == null) {
            throw Problems.badRequest("Give a 'rating' (1-5) or a 'thumb' (\"up\" or \"down\").");
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            throw Problems.badRequest("'rating' must be between 1 and 5, not " + rating + ".");
        }
        String thumb = thumbText == null ? null : thumbText.trim().toLowerCase(Locale.ROOT);
        if (thumb != null && !thumb.equals("up") && !thumb.equals("down")) {
            throw Problems.badRequest("'thumb' must be \"up\" or \"down\", not \"" + thumbText + "\".");
        }
        String comment = commentText == null || commentText.isBlank() ? null : commentText.strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw Problems.badRequest("'comment' has " + comment.length() + " characters; the limit is " + MAX_COMMENT + ".");
        }
        return new Verdict(rating, thumb, comment);
    }

    public List<FeedbackItem> forSummary(UUID summaryId) {
        return feedback.findBySummaryIdOrderByCreatedAtDesc(summaryId).stream().map(Feedback::toItem).toList();
    }
}

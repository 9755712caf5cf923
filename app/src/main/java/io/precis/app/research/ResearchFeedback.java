package io.precis.app.research;

import java.time.Instant;
import java.util.UUID;

/** Feedback on one research job's report: a thumb ({@code up}/{@code down}) or a rating (1–5), and a comment. */
public record ResearchFeedback(long id, UUID researchId, Integer rating, String thumb, String comment, Instant createdAt) {
}

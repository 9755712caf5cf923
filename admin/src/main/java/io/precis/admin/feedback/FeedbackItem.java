package io.precis.admin.feedback;

import java.time.Instant;
import java.util.UUID;

public record FeedbackItem(long id, UUID summaryId, String author, Integer rating, String thumb, String comment, Instant createdAt) {
}

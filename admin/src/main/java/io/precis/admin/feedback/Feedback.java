package io.precis.admin.feedback;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "feedback")
class Feedback {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "summary_id", nullable = false, updatable = false)
    private UUID summaryId;
    @Column(nullable = false, updatable = false)
    private String author;
    @Column(updatable = false)
    private Short rating;
    @Column(updatable = false)
    private String thumb;
    @Column(updatable = false)
    private String comment;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private Map<String, Object> snapshot;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected Feedback() {
    }

    Feedback(UUID summaryId, String author, Integer rating, String thumb, String comment, Map<String, Object> snapshot) {
        this.summaryId = summaryId;
        this.author = author;
        this.rating = rating == null ? null : rating.shortValue();
        this.thumb = thumb;
        this.comment = comment;
        this.snapshot = snapshot;
    }

    FeedbackItem toItem() {
        return new FeedbackItem(id, summaryId, author, rating == null ? null : rating.intValue(), thumb, comment, createdAt);
    }
}

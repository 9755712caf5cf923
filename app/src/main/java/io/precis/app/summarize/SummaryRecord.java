package io.precis.app.summarize;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.precis.inference.summarize.Mode;
import io.precis.inference.summarize.ModelInfo;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.Summary;
import io.precis.inference.summarize.SummarySentence;

@Entity
@Table(name = "summaries")
class SummaryRecord {
    @Id
    private UUID id;
    @Column(nullable = false, updatable = false)
    private String owner;
    @Column(nullable = false, updatable = false)
    private String title;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private List<SourceDocument> documents;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private List<SummarySentence> sentences;
    @Column(nullable = false, updatable = false)
    private String summary;
    @Column(name = "max_words", nullable = false, updatable = false)
    private int maxWords;
    @Column(nullable = false, updatable = false)
    private String mode;
    @Column(nullable = false, updatable = false)
    private String strategy;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    private List<String> notices;
    @Column(name = "model_name", nullable = false, updatable = false)
    private String modelName;
    @Column(name = "model_version", nullable = false, updatable = false)
    private String modelVersion;
    @Column(name = "model_version_id", updatable = false)
    private Long modelVersionId;
    @Column(name = "total_ms", nullable = false, updatable = false)
    private long totalMs;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SummaryRecord() {
    }

    SummaryRecord(String owner, String title, List<SourceDocument> documents, int maxWords, Mode mode, Summary summary,
            Long modelVersionId, long totalMs) {
        this.modelVersionId = modelVersionId;
        this.id = UUID.randomUUID();
        this.owner = owner;
        this.title = title;
        this.documents = documents;
        this.sentences = summary.sentences();
        this.summary = summary.text();
        this.maxWords = maxWords;
        this.mode = mode.label();
        this.strategy = summary.strategy();
        this.notices = summary.notices();
        this.modelName = summary.model().name();
        this.modelVersion = summary.model().version();
        this.totalMs = totalMs;
        this.createdAt = Instant.now();
    }

    UUID id() { return id; }
    String owner() { return owner; }
    String title() { return title; }
    List<SourceDocument> documents() { return documents; }
    List<SummarySentence> sentences() { return sentences; }
    String summary() { return summary; }
    int maxWords() { return maxWords; }
    String mode() { return mode; }
    String strategy() { return strategy; }
    List<String> notices() { return notices; }
    ModelInfo model() { return new ModelInfo(modelName, modelVersion); }
    long totalMs() { return totalMs; }
    /** The registry's model version that served this summary; null for the built-in default or the LLM. */
    Long modelVersionId() { return modelVersionId; }
    Instant createdAt() { return createdAt; }
}

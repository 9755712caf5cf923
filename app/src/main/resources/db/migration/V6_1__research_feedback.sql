-- Feedback on research reports (a thumb or a rating, and an optional comment), kept apart from summary feedback,
-- which feeds training. See io.precis.app.research (ResearchService.feedback) and the public API.
CREATE TABLE research_feedback (
    id         BIGSERIAL PRIMARY KEY,
    job_id     UUID         NOT NULL REFERENCES research_jobs (id) ON DELETE CASCADE,
    author     VARCHAR(100) NOT NULL,
    rating     SMALLINT CHECK (rating BETWEEN 1 AND 5),
    thumb      VARCHAR(4) CHECK (thumb IN ('up', 'down')),
    comment    TEXT,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (rating IS NOT NULL OR thumb IS NOT NULL)
);
CREATE INDEX research_feedback_job ON research_feedback (job_id);

-- Deep research: durable jobs that workers claim with SELECT ... FOR UPDATE SKIP LOCKED, their finished steps (a
-- restarted job resumes after the last one), the sources they read and their log. See io.precis.app.research.
CREATE TABLE research_jobs (
    id               UUID PRIMARY KEY,
    owner            VARCHAR(100) NOT NULL,
    question         TEXT         NOT NULL,
    depth            SMALLINT     NOT NULL CHECK (depth BETWEEN 1 AND 4),
    breadth          SMALLINT     NOT NULL CHECK (breadth BETWEEN 1 AND 6),
    -- the request's collection and source options (pinned URLs, include/exclude domains, since) as sent
    options          JSONB        NOT NULL DEFAULT '{}',
    status           VARCHAR(12)  NOT NULL CHECK (status IN ('queued', 'planning', 'searching', 'reading', 'writing',
                                                            'done', 'failed', 'cancelled')),
    progress         SMALLINT     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    provider         VARCHAR(20),
    cancel_requested BOOLEAN      NOT NULL DEFAULT false,
    failure_reason   TEXT,
    report           JSONB,
    -- which worker holds the job and until when; a job whose lease ran out is claimed again
    lease_owner      VARCHAR(100),
    lease_until      TIMESTAMPTZ,
    attempts         SMALLINT     NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ
);
CREATE INDEX research_jobs_owner_created ON research_jobs (owner, created_at DESC);
CREATE INDEX research_jobs_claimable ON research_jobs (created_at)
    WHERE status IN ('queued', 'planning', 'searching', 'reading', 'writing');

-- One row per finished step (plan, pinned, search-N, read-N, reflect-N, write) with what it produced.
CREATE TABLE research_steps (
    job_id      UUID         NOT NULL REFERENCES research_jobs (id) ON DELETE CASCADE,
    name        VARCHAR(20)  NOT NULL,
    ordinal     SMALLINT     NOT NULL,
    output      JSONB        NOT NULL,
    millis      BIGINT       NOT NULL,
    finished_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, name)
);

CREATE TABLE research_sources (
    id          BIGSERIAL PRIMARY KEY,
    job_id      UUID         NOT NULL REFERENCES research_jobs (id) ON DELETE CASCADE,
    round       SMALLINT     NOT NULL,
    url         TEXT,
    title       TEXT,
    provider    VARCHAR(20)  NOT NULL,
    document_id UUID,
    -- read (ingested), duplicate (already in the Library), library (found there), failed, skipped (robots.txt)
    status      VARCHAR(10)  NOT NULL,
    reason      TEXT,
    read_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX research_sources_job ON research_sources (job_id, id);

CREATE TABLE research_log (
    id      BIGSERIAL PRIMARY KEY,
    job_id  UUID         NOT NULL REFERENCES research_jobs (id) ON DELETE CASCADE,
    at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    message TEXT         NOT NULL
);
CREATE INDEX research_log_job ON research_log (job_id, id);

-- Analysts' judgements of finished reports (a report does not change once done, so the job id is its snapshot).
CREATE TABLE research_feedback (
    id         BIGSERIAL PRIMARY KEY,
    job_id     UUID         NOT NULL REFERENCES research_jobs (id) ON DELETE CASCADE,
    author     VARCHAR(100) NOT NULL,
    rating     SMALLINT CHECK (rating BETWEEN 1 AND 5),
    thumb      VARCHAR(4) CHECK (thumb IN ('up', 'down')),
    comment    TEXT,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX research_feedback_job ON research_feedback (job_id, id);

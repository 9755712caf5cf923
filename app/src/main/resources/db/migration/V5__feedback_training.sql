-- Feedback that trains: review labels on feedback, preference pairs, the model registry with its promotion
-- history, and the audit log of admin actions. See io.precis.admin.feedback, .models, .audit and .training.

-- Review state of a feedback item, set in the admin console's review queue.
ALTER TABLE feedback ADD COLUMN label VARCHAR(10) CHECK (label IN ('accepted', 'rejected', 'flagged', 'corrected'));
ALTER TABLE feedback ADD COLUMN corrected_text TEXT;
ALTER TABLE feedback ADD COLUMN labelled_by VARCHAR(100);
ALTER TABLE feedback ADD COLUMN labelled_at TIMESTAMPTZ;
ALTER TABLE feedback ADD CHECK (label IS DISTINCT FROM 'corrected' OR corrected_text IS NOT NULL);
CREATE INDEX feedback_created ON feedback (created_at DESC);

-- Two summaries of the same input, one preferred. Everything is a frozen copy: later edits of the summaries or of
-- the models do not change what was judged.
CREATE TABLE preference_pairs (
    id                BIGSERIAL PRIMARY KEY,
    author            VARCHAR(100) NOT NULL,
    source            VARCHAR(12)  NOT NULL CHECK (source IN ('comparison', 'edit', 'adjudicated')),
    inputs            JSONB        NOT NULL,
    chosen            TEXT         NOT NULL,
    rejected          TEXT         NOT NULL,
    chosen_summary    UUID REFERENCES summaries (id),
    rejected_summary  UUID REFERENCES summaries (id),
    model_version     VARCHAR(100),
    strategy          VARCHAR(30),
    -- SHA-256 of inputs, chosen and rejected: the same judgement twice is a duplicate
    content_hash      CHAR(64)     NOT NULL UNIQUE,
    label             VARCHAR(10) CHECK (label IN ('accepted', 'rejected', 'flagged')),
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (chosen <> rejected)
);
CREATE INDEX preference_pairs_created ON preference_pairs (created_at DESC);

CREATE TABLE model_versions (
    id            BIGSERIAL PRIMARY KEY,
    -- summarizer-policy (embedded extractive parameters), reward-model, llm-endpoint or lora-adapter
    kind          VARCHAR(30)  NOT NULL CHECK (kind IN ('summarizer-policy', 'reward-model', 'llm-endpoint', 'lora-adapter')),
    name          VARCHAR(100) NOT NULL,
    version       VARCHAR(100) NOT NULL,
    stage         VARCHAR(12)  NOT NULL CHECK (stage IN ('candidate', 'canary', 'production', 'archived')),
    canary_share  DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (canary_share >= 0 AND canary_share <= 1),
    -- what the serving side needs: policy parameters, reward model weights, endpoint or adapter name
    config        JSONB        NOT NULL DEFAULT '{}'::jsonb,
    eval_report   JSONB,
    parent_id     BIGINT REFERENCES model_versions (id),
    created_by    VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    lock_version  BIGINT       NOT NULL DEFAULT 0,
    UNIQUE (kind, name, version)
);
-- At most one production and one canary version per kind.
CREATE UNIQUE INDEX model_versions_one_production ON model_versions (kind) WHERE stage = 'production';
CREATE UNIQUE INDEX model_versions_one_canary ON model_versions (kind) WHERE stage = 'canary';

CREATE TABLE model_promotions (
    id          BIGSERIAL PRIMARY KEY,
    model_id    BIGINT       NOT NULL REFERENCES model_versions (id),
    actor       VARCHAR(100) NOT NULL,
    from_stage  VARCHAR(12)  NOT NULL,
    to_stage    VARCHAR(12)  NOT NULL,
    canary_share DOUBLE PRECISION,
    reason      TEXT,
    -- the gate's comparison (candidate and production scores) at the time of the decision
    evidence    JSONB        NOT NULL DEFAULT '{}'::jsonb,
    override    BOOLEAN      NOT NULL DEFAULT false,
    at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (NOT override OR reason IS NOT NULL)
);
CREATE INDEX model_promotions_model ON model_promotions (model_id, at DESC);

-- The served model version and the production reward model's score of each summary.
ALTER TABLE summaries ADD COLUMN model_version_id BIGINT REFERENCES model_versions (id);
ALTER TABLE summaries ADD COLUMN reward DOUBLE PRECISION;

CREATE TABLE audit_log (
    id      BIGSERIAL PRIMARY KEY,
    actor   VARCHAR(100) NOT NULL,
    action  VARCHAR(60)  NOT NULL,
    target  VARCHAR(200) NOT NULL,
    -- masked before storing: no secrets, e-mail addresses or phone numbers
    before  JSONB,
    after   JSONB,
    at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_at ON audit_log (at DESC);

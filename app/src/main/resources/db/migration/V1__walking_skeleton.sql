CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    username      VARCHAR(100) NOT NULL UNIQUE,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL CHECK (role IN ('ANALYST', 'OPERATOR', 'ADMIN')),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id           BIGSERIAL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    key_prefix   VARCHAR(16)  NOT NULL,
    key_hash     VARCHAR(64)     NOT NULL UNIQUE,
    role         VARCHAR(20)  NOT NULL CHECK (role IN ('ANALYST', 'OPERATOR', 'ADMIN')),
    created_by   VARCHAR(100) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);

CREATE TABLE summaries (
    id            UUID PRIMARY KEY,
    owner         VARCHAR(100) NOT NULL,
    title         VARCHAR(300) NOT NULL,
    documents     JSONB        NOT NULL,
    sentences     JSONB        NOT NULL,
    summary       TEXT         NOT NULL,
    max_words     INT          NOT NULL,
    strategy      VARCHAR(30)  NOT NULL,
    model_name    VARCHAR(100) NOT NULL,
    model_version VARCHAR(100) NOT NULL,
    total_ms      BIGINT       NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX summaries_owner_created ON summaries (owner, created_at DESC);

CREATE TABLE feedback (
    id         BIGSERIAL PRIMARY KEY,
    summary_id UUID         NOT NULL REFERENCES summaries (id),
    author     VARCHAR(100) NOT NULL,
    rating     SMALLINT CHECK (rating BETWEEN 1 AND 5),
    thumb      VARCHAR(4) CHECK (thumb IN ('up', 'down')),
    comment    TEXT,
    snapshot   JSONB        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (rating IS NOT NULL OR thumb IS NOT NULL)
);
CREATE INDEX feedback_summary ON feedback (summary_id);

-- The Library: documents ingested from uploads, URLs or the API, cut into chunks that are embedded (pgvector, HNSW,
-- cosine) and indexed for full text (tsvector, GIN). See io.precis.app.library.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE documents (
    id             UUID PRIMARY KEY,
    owner          VARCHAR(100)  NOT NULL,
    title          VARCHAR(500)  NOT NULL,
    -- false while the title is provisional (file name, URL, first words): the document's own title replaces it
    title_given    BOOLEAN       NOT NULL DEFAULT false,
    collection     VARCHAR(100)  NOT NULL,
    tags           TEXT[]        NOT NULL DEFAULT '{}',
    source_type    VARCHAR(10)   NOT NULL CHECK (source_type IN ('upload', 'url', 'text')),
    source_url     TEXT,
    file_name      VARCHAR(300),
    media_type     VARCHAR(150),
    format         VARCHAR(10),
    -- SHA-256 (hex) of the bytes as received (upload, JSON text as UTF-8, or the fetched body of a URL); a document
    -- with the same hash, owner and collection is a duplicate. NULL until a URL has been fetched.
    content_hash   CHAR(64),
    size_bytes     BIGINT,
    status         VARCHAR(12)   NOT NULL CHECK (status IN ('queued', 'processing', 'ready', 'failed')),
    progress       SMALLINT      NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    failure_reason TEXT,
    duplicate_of   UUID,
    -- The extracted text; chunk offsets and citations point into it.
    text           TEXT,
    char_count     INT,
    chunk_count    INT           NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    ready_at       TIMESTAMPTZ
);
CREATE INDEX documents_owner_created ON documents (owner, created_at DESC);
CREATE INDEX documents_collection_created ON documents (collection, created_at DESC);
CREATE INDEX documents_tags ON documents USING gin (tags);
CREATE INDEX documents_status ON documents (status) WHERE status IN ('queued', 'processing');
-- At most one live (not failed) document per owner, collection and content.
CREATE UNIQUE INDEX documents_unique_content ON documents (owner, collection, content_hash)
    WHERE content_hash IS NOT NULL AND status <> 'failed';

-- What an upload sent, kept only until its ingestion has finished (so queued work survives a restart).
CREATE TABLE document_sources (
    document_id UUID PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    content     BYTEA NOT NULL
);

CREATE TABLE chunks (
    id                BIGSERIAL PRIMARY KEY,
    document_id       UUID         NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal           INT          NOT NULL,
    start_offset      INT          NOT NULL,
    end_offset        INT          NOT NULL,
    text              TEXT         NOT NULL,
    token_count       INT          NOT NULL,
    embedding         vector(384),
    embedding_model   VARCHAR(100),
    embedding_version VARCHAR(100),
    tsv               tsvector     GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    UNIQUE (document_id, ordinal),
    CHECK (start_offset >= 0 AND end_offset >= start_offset)
);
CREATE INDEX chunks_embedding_hnsw ON chunks USING hnsw (embedding vector_cosine_ops);
CREATE INDEX chunks_tsv ON chunks USING gin (tsv);
CREATE INDEX chunks_embedding_model ON chunks (embedding_model, embedding_version);

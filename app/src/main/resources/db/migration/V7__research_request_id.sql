-- The id of the HTTP request that submitted a research job (X-Request-Id, see io.precis.app.observability.RequestLog),
-- so the worker that runs the job later, on another thread or instance, logs every line with it. Null for jobs
-- submitted before this migration.
ALTER TABLE research_jobs ADD COLUMN request_id VARCHAR(64);

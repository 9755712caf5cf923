-- A scratch migration for MigrateCommandTest (its own schema, never the app's).
CREATE TABLE notes (id BIGSERIAL PRIMARY KEY, text TEXT NOT NULL);

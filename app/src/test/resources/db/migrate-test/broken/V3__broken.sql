-- Fails: the column does not exist. MigrateCommandTest expects the command to report it and fail.
ALTER TABLE notes RENAME COLUMN no_such_column TO other;

package io.precis.app.research;

/** Whose documents and which collection a Library search may use, and the job's source rules. */
record SearchScope(String owner, String collection, SourceOptions options) {
}

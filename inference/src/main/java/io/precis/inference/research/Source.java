package io.precis.inference.research;

/**
 * A document the report may cite, for its bibliography.
 *
 * @param url    where it was read, or null for a document of the Library without one
 * @param readAt when it was read (ISO date-time)
 */
public record Source(String id, String title, String url, String readAt) {
}

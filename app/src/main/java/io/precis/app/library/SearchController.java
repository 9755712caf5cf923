package io.precis.app.library;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.precis.admin.web.Problems;

/**
 * {@code GET /api/v1/search?q=&k=&collection=&tag=&document=&from=&to=&mode=hybrid|vector|text&mmr=true}: passages
 * of the caller's documents (everyone's for operators), best first, with document, offsets, text and scores.
 * {@code from} and {@code to} are dates ({@code 2025-01-31}, whole days in UTC) or instants, on when documents were added.
 */
@RestController
class SearchController {
    private final LibraryRetriever retriever;
    private final LibraryService library;

    SearchController(LibraryRetriever retriever, LibraryService library) {
        this.retriever = retriever;
        this.library = library;
    }

    @GetMapping("/api/v1/search")
    SearchResult search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "10") int k,
                        @RequestParam(required = false) String collection, @RequestParam(required = false) String tag,
                        @RequestParam(required = false) List<UUID> document, @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to, @RequestParam(required = false) String mode,
                        @RequestParam(defaultValue = "false") boolean mmr) {
        SearchMode m;
        try {
            m = SearchMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage());
        }
        RetrievalFilter filter = RetrievalFilter.visibleTo(Viewer.current()).inCollection(collection).withTag(tag)
                .inDocuments(document).addedBetween(instant(from, "from", false), instant(to, "to", true));
        return retriever.search(q, filter, k, m, mmr);
    }

    @GetMapping("/api/v1/collections")
    List<String> collections() {
        return library.collections(Viewer.current());
    }

    private static Instant instant(String value, String name, boolean endOfDay) {
        if (value == null || value.isBlank()) return null;
        try {
            LocalDate day = LocalDate.parse(value.strip());
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e2) {
                throw Problems.badRequest("'" + name + "' must be a date (2025-01-31) or an instant (2025-01-31T12:00:00Z), not '" + value + "'.");
            }
        }
    }
}

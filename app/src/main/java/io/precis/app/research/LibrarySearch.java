package io.precis.app.research;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.precis.app.library.LibraryDocument;
import io.precis.app.library.LibraryRetriever;
import io.precis.app.library.LibraryService;
import io.precis.app.library.Passage;
import io.precis.app.library.RetrievalFilter;
import io.precis.app.library.Viewer;

/**
 * The Library as a search provider (the default without a web provider): the owner's documents (in the job's
 * collection, when it names one) whose passages match the query; the time window applies to when they were added.
 */
final class LibrarySearch implements SearchProvider {
    private final LibraryRetriever retriever;
    private final LibraryService library;

    LibrarySearch(LibraryRetriever retriever, LibraryService library) {
        this.retriever = retriever;
        this.library = library;
    }

    @Override
    public String name() {
        return "library";
    }

    @Override
    public List<SearchHit> search(String query, SearchScope scope, int max) {
        Viewer owner = new Viewer(scope.owner(), false);
        RetrievalFilter filter = RetrievalFilter.visibleTo(owner).inCollection(scope.collection());
        if (scope.options().since() != null) {
            filter = filter.addedBetween(scope.options().since().atStartOfDay(ZoneOffset.UTC).toInstant(), null);
        }
        Map<UUID, Passage> best = new LinkedHashMap<>();
        for (Passage p : retriever.retrieve(query, filter, Math.min(LibraryRetriever.MAX_K, max * 4))) best.putIfAbsent(p.documentId(), p);
        List<SearchHit> hits = new ArrayList<>();
        for (Passage p : best.values()) {
            if (hits.size() >= max) break;
            LibraryDocument doc = library.find(p.documentId(), owner).orElse(null);
            if (doc == null) continue;
            if (!scope.options().includeDomains().isEmpty() || !scope.options().excludeDomains().isEmpty()) {
                if (doc.sourceUrl() == null ? !scope.options().includeDomains().isEmpty() : !scope.options().allows(doc.sourceUrl())) continue;
            }
            hits.add(new SearchHit(doc.sourceUrl(), doc.title(), p.text(), null, doc.id()));
        }
        return hits;
    }
}

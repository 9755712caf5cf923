package io.precis.app.summarize;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.precis.admin.web.Problems;
import io.precis.app.library.LibraryRetriever;
import io.precis.app.library.Passage;
import io.precis.app.library.RetrievalFilter;
import io.precis.app.library.Viewer;
import io.precis.inference.summarize.SourceDocument;

/**
 * The sources of a question-focused summary: the Library passages that best answer the question (hybrid retrieval,
 * within what the caller may see), most relevant first, one source document per passage so that every citation
 * points into a retrieved passage, and each names its place in the Library as its origin.
 */
@Component
class QuestionSources {
    static final int PASSAGES = 8;
    static final int MAX_QUERY_CHARS = 1000;

    private final LibraryRetriever retriever;

    QuestionSources(LibraryRetriever retriever) {
        this.retriever = retriever;
    }

    List<SourceDocument> retrieve(String query, String collection) {
        if (query.length() > MAX_QUERY_CHARS) {
            throw Problems.badRequest("'query' has " + query.length() + " characters; the limit is " + MAX_QUERY_CHARS + ".");
        }
        RetrievalFilter filter = RetrievalFilter.visibleTo(Viewer.current());
        if (collection != null && !collection.isBlank()) filter = filter.inCollection(collection.strip());
        List<Passage> passages = retriever.retrieve(query.strip(), filter, PASSAGES);
        if (passages.isEmpty()) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Nothing in the Library"
                    + (collection == null || collection.isBlank() ? "" : " collection '" + collection.strip() + "'")
                    + " matches this question. Add documents to the Library or ask about what it holds.");
        }
        return passages.stream().map(QuestionSources::source).toList();
    }

    private static SourceDocument source(Passage p) {
        return new SourceDocument(p.title(), p.text(), origin(p));
    }

    /** The passage's place in the Library: the document's API path and the character range of the passage in it. */
    static String origin(Passage p) {
        return "/api/v1/documents/" + p.documentId() + "#" + p.start() + "-" + p.end();
    }
}

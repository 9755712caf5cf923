package io.precis.app.library;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.precis.admin.web.Problems;

/**
 * The Library's documents: {@code POST} a multipart {@code file}, or JSON {@code {"url"}} or {@code {"title","text"}},
 * with optional {@code collection}, {@code tags} and {@code title}; 202 with the queued document (or 200 with the
 * existing one when the content is a duplicate). Then poll {@code GET /api/v1/documents/{id}} for its status.
 */
@RestController
@RequestMapping("/api/v1/documents")
class DocumentController {
    private final LibraryService library;

    DocumentController(LibraryService library) {
        this.library = library;
    }

    /** A request to add a document by URL or as text. */
    record AddDocument(String url, String title, String text, String collection, List<String> tags) {
    }

    /** A document with, depending on the call, whether it was a duplicate, its chunks and its text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DocumentResponse(@JsonUnwrapped LibraryDocument document, Boolean duplicate, String message,
                            List<DocumentChunk> chunks, String text) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DocumentResponse> add(@RequestBody AddDocument body) {
        if (body == null) throw Problems.badRequest("Send {\"url\": ...} or {\"title\": ..., \"text\": ...}.");
        boolean hasUrl = body.url() != null && !body.url().isBlank();
        boolean hasText = body.text() != null;
        if (hasUrl && hasText) throw Problems.badRequest("Send either 'url' or 'text', not both.");
        if (!hasUrl && !hasText) throw Problems.badRequest("Send 'url' (a web page or file to fetch) or 'text' (with an optional 'title').");
        Submission s = hasUrl
                ? library.addUrl(Viewer.current(), body.url(), body.collection(), body.tags(), body.title())
                : library.addText(Viewer.current(), body.title(), body.text(), body.collection(), body.tags());
        return answer(s);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<DocumentResponse> upload(@RequestPart("file") MultipartFile file,
                                            @RequestParam(required = false) String collection,
                                            @RequestParam(required = false) List<String> tags,
                                            @RequestParam(required = false) String title) throws IOException {
        Submission s = library.addFile(Viewer.current(), file.getOriginalFilename(), file.getContentType(), file.getBytes(),
                collection, tags, title);
        return answer(s);
    }

    private static ResponseEntity<DocumentResponse> answer(Submission s) {
        URI location = URI.create("/api/v1/documents/" + s.document().id());
        return ResponseEntity.status(s.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).location(location)
                .body(new DocumentResponse(s.document(), s.duplicate(), s.message(), null, null));
    }

    @GetMapping
    DocumentPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                      @RequestParam(required = false) String collection, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String q) {
        return library.list(Viewer.current(), collection, status, q, page, size);
    }

    /** One document; {@code include=chunks} adds its chunks, {@code include=text} its extracted text. */
    @GetMapping("/{id}")
    DocumentResponse get(@PathVariable UUID id, @RequestParam(required = false) Set<String> include) {
        Viewer viewer = Viewer.current();
        LibraryDocument doc = library.find(id, viewer).orElseThrow(() -> Problems.notFound("document", id));
        Set<String> parts = include == null ? Set.of() : include;
        for (String part : parts) {
            if (!part.equals("chunks") && !part.equals("text")) {
                throw Problems.badRequest("'include' may be 'chunks' or 'text', not '" + part + "'.");
            }
        }
        List<DocumentChunk> chunks = parts.contains("chunks") ? library.chunks(id, viewer) : null;
        String text = parts.contains("text") ? library.text(id, viewer).orElse(null) : null;
        return new DocumentResponse(doc, null, null, chunks, text);
    }

    @GetMapping("/{id}/chunks")
    List<DocumentChunk> chunks(@PathVariable UUID id) {
        return library.chunks(id, Viewer.current());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!library.delete(id, Viewer.current())) throw Problems.notFound("document", id);
        return ResponseEntity.noContent().build();
    }
}

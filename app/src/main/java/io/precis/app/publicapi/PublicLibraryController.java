package io.precis.app.publicapi;

import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;

import io.precis.admin.web.Problems;
import io.precis.app.library.DocumentPage;
import io.precis.app.library.LibraryService;
import io.precis.app.library.Submission;
import io.precis.app.library.Viewer;

/**
 * The public Library (admins only, {@code /api/v1/admin/**}): the documents of the public owner
 * {@value PublicApiController#OWNER}, which alone public research reads with the Library provider. Adding one here
 * publishes it; nothing an analyst adds to their own Library is ever read by public research.
 */
@RestController
@RequestMapping("/api/v1/admin/public-library")
class PublicLibraryController {
    private static final Viewer PUBLIC = new Viewer(PublicApiController.OWNER, false);

    /** A document to publish: {@code text} (with an optional {@code title}) or a {@code url} to fetch. */
    record PublicDocument(String url, String title, String text, String collection, List<String> tags) {
    }

    private final LibraryService library;

    PublicLibraryController(LibraryService library) {
        this.library = library;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Submission> add(@RequestBody(required = false) PublicDocument body) {
        if (body == null || (body.url() == null) == (body.text() == null)) {
            throw Problems.badRequest("Send either 'url' (a page or file to fetch) or 'text' (with an optional 'title').");
        }
        Submission s = body.url() != null
                ? library.addUrl(PUBLIC, body.url(), body.collection(), body.tags(), body.title())
                : library.addText(PUBLIC, body.title(), body.text(), body.collection(), body.tags());
        return ResponseEntity.status(s.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/admin/public-library/" + s.document().id())).body(s);
    }

    @GetMapping
    DocumentPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                      @RequestParam(required = false) String collection) {
        return library.list(PUBLIC, collection, null, null, page, size);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!library.delete(id, PUBLIC)) throw Problems.notFound("public document", id);
        return ResponseEntity.noContent().build();
    }
}

package io.precis.app.library;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin: re-embed chunks made by another embedding model or version ({@code POST}), and the run's progress ({@code GET}). */
@RestController
@RequestMapping("/api/v1/admin/library/reembed")
class LibraryAdminController {
    private final ReembedJob job;

    LibraryAdminController(ReembedJob job) {
        this.job = job;
    }

    @PostMapping
    ResponseEntity<ReembedJob.Status> start() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(job.start());
    }

    @GetMapping
    ReembedJob.Status status() {
        return job.status();
    }
}

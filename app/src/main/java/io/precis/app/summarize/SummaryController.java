package io.precis.app.summarize;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.precis.admin.web.Problems;
import io.precis.app.security.CurrentUser;
import io.precis.app.security.Role;

@RestController
@RequestMapping("/api/v1/summaries")
class SummaryController {
    private final SummarizeService service;

    SummaryController(SummarizeService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SummaryResult> summarize(@RequestBody SummarizeCommand command) {
        return created(service.summarize(command, CurrentUser.name()));
    }

    /** The same as the JSON form, for .txt and .md files sent as multipart parts named {@code files}. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SummaryResult> summarizeFiles(@RequestPart("files") List<MultipartFile> files,
                                                 @RequestParam(required = false) String length,
                                                 @RequestParam(required = false) Integer maxWords,
                                                 @RequestParam(required = false) String mode) throws IOException {
        List<SummarizeCommand.DocumentInput> documents = new ArrayList<>();
        for (MultipartFile file : files) documents.add(UploadedText.read(file.getOriginalFilename(), file.getBytes()));
        return created(service.summarize(new SummarizeCommand(documents, length, maxWords, mode), CurrentUser.name()));
    }

    @GetMapping("/{id}")
    SummaryResult get(@PathVariable UUID id) {
        return service.find(id, CurrentUser.name(), CurrentUser.hasRole(Role.OPERATOR))
                .orElseThrow(() -> Problems.notFound("summary", id));
    }

    @GetMapping
    List<SummaryListItem> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 100) throw Problems.badRequest("'page' must be 0 or more and 'size' between 1 and 100.");
        return service.history(CurrentUser.name(), page, size);
    }

    private static ResponseEntity<SummaryResult> created(SummaryResult result) {
        return ResponseEntity.ok().location(URI.create("/api/v1/summaries/" + result.id())).body(result);
    }
}

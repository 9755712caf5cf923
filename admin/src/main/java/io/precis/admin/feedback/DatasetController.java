package io.precis.admin.feedback;

import java.io.StringWriter;
import java.util.function.ToIntFunction;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Downloads of the training sets as JSON Lines. */
@RestController
@RequestMapping("/api/v1/admin/datasets")
class DatasetController {
    static final String JSONL = "application/x-ndjson";
    private final Datasets datasets;

    DatasetController(Datasets datasets) {
        this.datasets = datasets;
    }

    @GetMapping("/sft")
    ResponseEntity<String> sft() {
        return download("sft.jsonl", datasets::writeSft);
    }

    @GetMapping("/dpo")
    ResponseEntity<String> dpo() {
        return download("dpo.jsonl", datasets::writeDpo);
    }

    private static ResponseEntity<String> download(String name, ToIntFunction<java.io.Writer> write) {
        StringWriter body = new StringWriter();
        write.applyAsInt(body);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, JSONL)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body.toString());
    }
}

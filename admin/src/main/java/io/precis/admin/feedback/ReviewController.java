package io.precis.admin.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/feedback")
class ReviewController {
    record LabelRequest(List<Long> ids, String label, String correctedText) {
    }

    record Decision(String decision) {
    }

    private final ReviewQueue queue;
    private final PairAdjudication pairs;

    ReviewController(ReviewQueue queue, PairAdjudication pairs) {
        this.queue = queue;
        this.pairs = pairs;
    }

    @GetMapping("/pairs")
    List<PairAdjudication.PairItem> pairs(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean unlabelled, @RequestParam(defaultValue = "200") int limit) {
        return pairs.list(q, unlabelled, limit);
    }

    @PostMapping("/pairs/{id}/adjudication")
    PairAdjudication.PairItem adjudicate(@PathVariable long id, @RequestBody Decision body, Authentication auth) {
        return pairs.decide(id, body == null ? null : body.decision(), auth.getName());
    }

    @GetMapping
    List<ReviewQueue.ReviewItem> list(@RequestParam(required = false) String modelVersion,
            @RequestParam(required = false) Integer rating, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(defaultValue = "false") boolean flagged,
            @RequestParam(defaultValue = "false") boolean unlabelled, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "200") int limit) {
        return queue.list(new ReviewQueue.Filter(modelVersion, rating, from, to, flagged, unlabelled, q, limit));
    }

    @PostMapping("/labels")
    Map<String, Integer> label(@RequestBody LabelRequest request, Authentication auth) {
        return Map.of("labelled", queue.label(request.ids(), request.label(), request.correctedText(), auth.getName()));
    }
}

package io.precis.admin.feedback;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/feedback")
class FeedbackController {
    private final FeedbackService feedback;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @PostMapping
    ResponseEntity<FeedbackItem> create(@RequestBody FeedbackService.FeedbackRequest request, Authentication auth) {
        FeedbackItem item = feedback.record(request, auth.getName(), seesAll(auth));
        return ResponseEntity.created(URI.create("/api/v1/feedback/" + item.id())).body(item);
    }

    static boolean seesAll(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_OPERATOR"));
    }
}

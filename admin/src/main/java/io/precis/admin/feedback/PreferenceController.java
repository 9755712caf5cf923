package io.precis.admin.feedback;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/feedback")
class PreferenceController {
    record EditRequest(UUID summaryId, String text) {
    }

    private final PreferencePairs pairs;

    PreferenceController(PreferencePairs pairs) {
        this.pairs = pairs;
    }

    @PostMapping("/preferences")
    ResponseEntity<PreferencePairs.StoredPair> prefer(@RequestBody PreferencePairs.PreferenceRequest request, Authentication auth) {
        return created(pairs.record(request, auth.getName(), FeedbackController.seesAll(auth)));
    }

    @PostMapping("/edits")
    ResponseEntity<PreferencePairs.StoredPair> edit(@RequestBody EditRequest request, Authentication auth) {
        return created(pairs.fromEdit(request.summaryId(), request.text(), auth.getName(), FeedbackController.seesAll(auth)));
    }

    private static ResponseEntity<PreferencePairs.StoredPair> created(PreferencePairs.StoredPair pair) {
        return ResponseEntity.created(URI.create("/api/v1/feedback/preferences/" + pair.id())).body(pair);
    }
}

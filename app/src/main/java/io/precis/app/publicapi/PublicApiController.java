package io.precis.app.publicapi;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.precis.admin.feedback.FeedbackItem;
import io.precis.admin.feedback.FeedbackService;
import io.precis.admin.web.Problems;
import io.precis.app.summarize.SummarizeCommand;
import io.precis.app.summarize.SummarizeService;
import io.precis.app.summarize.SummaryResult;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The anonymous API of the public site: summarise and feedback, nothing else. Every summary made here belongs to the
 * fixed owner {@value #OWNER}, so public feedback reaches only summaries made here (any other id is a 404). Smaller
 * input limits than the keyed API, and a token bucket per client address (429 with {@code Retry-After}).
 */
@RestController
@RequestMapping("/api/v1/public")
class PublicApiController {
    /** Not a valid user name, so no real account's summaries are ever reachable from here. */
    static final String OWNER = "@public";

    private final SummarizeService summaries;
    private final FeedbackService feedback;
    private final PublicRateLimiter limiter;
    private final PublicApiProperties props;

    PublicApiController(SummarizeService summaries, FeedbackService feedback, PublicRateLimiter limiter, PublicApiProperties props) {
        this.summaries = summaries;
        this.feedback = feedback;
        this.limiter = limiter;
        this.props = props;
    }

    @PostMapping(path = "/summaries", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SummaryResult> summarize(@RequestBody(required = false) SummarizeCommand command, HttpServletRequest request) {
        limiter.acquire(request);
        checkLimits(command);
        return ResponseEntity.ok(summaries.summarize(command, OWNER));
    }

    @PostMapping(path = "/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FeedbackItem> feedback(@RequestBody(required = false) FeedbackService.FeedbackRequest body, HttpServletRequest request) {
        limiter.acquire(request);
        if (body == null) throw Problems.badRequest("Send a JSON body with 'summaryId' and a 'thumb' or 'rating'.");
        return ResponseEntity.status(HttpStatus.CREATED).body(feedback.record(body, OWNER, false));
    }

    private void checkLimits(SummarizeCommand command) {
        if (command == null || command.documents() == null) return; // the service explains what is missing
        List<SummarizeCommand.DocumentInput> docs = command.documents();
        if (docs.size() > props.maxDocuments()) {
            throw Problems.badRequest("The public site takes at most " + props.maxDocuments() + " documents per request, not " + docs.size() + ".");
        }
        long chars = docs.stream().mapToLong(d -> d == null || d.text() == null ? 0 : d.text().length()).sum();
        if (chars > props.maxChars()) {
            throw Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "The text has " + chars + " characters; the public site takes up to "
                    + props.maxChars() + ". Shorten it or split it into parts.");
        }
    }
}

package io.precis.app.research;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.precis.admin.web.Problems;
import io.precis.app.library.Viewer;
import io.precis.inference.research.ReportExport;

/**
 * {@code /api/v1/research}: submit (202 with the queued job), read one (status, progress, plan, sources, log, report),
 * list the caller's, cancel, export the report as Markdown or HTML, and follow a job as Server-Sent Events.
 */
@RestController
class ResearchController {
    private static final long EVENTS_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(30);
    private final ResearchService research;
    private final ScheduledExecutorService events = java.util.concurrent.Executors.newScheduledThreadPool(2, ResearchRunner.daemon("research-sse"));

    ResearchController(ResearchService research) {
        this.research = research;
    }

    @PostMapping("/api/v1/research")
    ResponseEntity<Map<String, Object>> submit(@RequestBody(required = false) ResearchRequest request) {
        ResearchJob job = research.submit(Viewer.current(), request);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ResearchJson.summary(job));
    }

    @GetMapping("/api/v1/research")
    Map<String, Object> list(@RequestParam(defaultValue = "50") int limit) {
        return Map.of("items", research.list(Viewer.current(), limit).stream().map(ResearchJson::summary).toList());
    }

    @GetMapping("/api/v1/research/{id}")
    Map<String, Object> get(@PathVariable UUID id) {
        Map<String, Object> body = ResearchJson.details(research.details(id, Viewer.current()));
        body.put("feedback", research.feedback(id));
        return body;
    }

    /** A judgement of the report: {@code {"rating":1-5}} or {@code {"thumb":"up|down"}}, optional {@code "comment"}. */
    record FeedbackRequest(Integer rating, String thumb, String comment) {
    }

    @PostMapping("/api/v1/research/{id}/feedback")
    ResponseEntity<ResearchFeedback> feedback(@PathVariable UUID id, @RequestBody(required = false) FeedbackRequest request) {
        FeedbackRequest r = request == null ? new FeedbackRequest(null, null, null) : request;
        return ResponseEntity.status(HttpStatus.CREATED).body(research.feedback(id, Viewer.current(), r.rating(), r.thumb(), r.comment()));
    }

    @PostMapping("/api/v1/research/{id}/cancel")
    Map<String, Object> cancel(@PathVariable UUID id) {
        return ResearchJson.summary(research.cancel(id, Viewer.current()));
    }

    @GetMapping(value = "/api/v1/research/{id}/report.md", produces = "text/markdown;charset=UTF-8")
    String markdown(@PathVariable UUID id) {
        return ReportExport.markdown(reportOf(id));
    }

    @GetMapping(value = "/api/v1/research/{id}/report.html", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String html(@PathVariable UUID id) {
        return ReportExport.html(reportOf(id));
    }

    private io.precis.inference.research.Report reportOf(UUID id) {
        ResearchJob job = research.find(id, Viewer.current()).orElseThrow(() -> Problems.notFound("research job", id));
        if (job.report() == null) {
            throw Problems.of(HttpStatus.CONFLICT, "Research job " + id + " has no report: it is " + job.status() + ".");
        }
        return job.report();
    }

    /**
     * Events {@code status} (status and progress), {@code log}, {@code source}, and {@code end} with the final status,
     * read from the database, so they follow a job whichever instance runs it.
     */
    @GetMapping(value = "/api/v1/research/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable UUID id) {
        research.find(id, Viewer.current()).orElseThrow(() -> Problems.notFound("research job", id));
        SseEmitter emitter = new SseEmitter(EVENTS_TIMEOUT_MILLIS);
        AtomicLong lastLog = new AtomicLong();
        AtomicLong lastSource = new AtomicLong();
        AtomicReference<String> lastStatus = new AtomicReference<>("");
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable poll = () -> {
            try {
                ResearchJob job = research.reload(id).orElse(null);
                if (job == null) {
                    emitter.complete();
                    task.get().cancel(false);
                    return;
                }
                for (ResearchStore.LogLine line : research.logAfter(id, lastLog.get())) {
                    emitter.send(SseEmitter.event().name("log").id("log-" + line.id()).data(line, MediaType.APPLICATION_JSON));
                    lastLog.set(line.id());
                }
                for (ResearchSource s : research.sourcesAfter(id, lastSource.get())) {
                    emitter.send(SseEmitter.event().name("source").data(s, MediaType.APPLICATION_JSON));
                    lastSource.set(s.id());
                }
                String state = job.status() + "/" + job.progress();
                if (!state.equals(lastStatus.getAndSet(state))) {
                    emitter.send(SseEmitter.event().name("status").data(Map.of("status", job.status(), "progress", job.progress()),
                            MediaType.APPLICATION_JSON));
                }
                if (job.finished()) {
                    emitter.send(SseEmitter.event().name("end").data(ResearchJson.summary(job), MediaType.APPLICATION_JSON));
                    emitter.complete();
                    task.get().cancel(false);
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away
                task.get().cancel(false);
            } catch (RuntimeException e) {
                emitter.completeWithError(e);
                task.get().cancel(false);
            }
        };
        synchronized (task) {
            task.set(events.scheduleWithFixedDelay(() -> {
                synchronized (task) {
                    poll.run();
                }
            }, 0, 500, TimeUnit.MILLISECONDS));
        }
        emitter.onCompletion(() -> task.get().cancel(false));
        emitter.onTimeout(() -> task.get().cancel(false));
        return emitter;
    }

    @PreDestroy
    void stop() {
        events.shutdownNow();
    }
}

package io.precis.admin.training;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import io.precis.admin.feedback.PreferencePairs;
import io.precis.admin.web.Problems;
import io.precis.inference.reward.RewardTrainer;

/**
 * Train-eval runs started over REST: each runs in the background and is kept here (the last 50, in memory) with its
 * status, so the caller gets an id at once and asks for the outcome later.
 */
@Component
class TrainEvalRuns {
    private static final Logger log = LoggerFactory.getLogger(TrainEvalRuns.class);
    private static final int KEPT = 50;

    /** One run: {@code running}, then {@code succeeded} with the outcome or {@code failed} with the reason. */
    static final class Run {
        final String id = UUID.randomUUID().toString();
        final String actor;
        final Instant startedAt = Instant.now();
        volatile String status = "running";
        volatile Instant finishedAt;
        volatile Map<String, Object> outcome;
        volatile String failure;

        Run(String actor) {
            this.actor = actor;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("id", id);
            map.put("status", status);
            map.put("startedBy", actor);
            map.put("startedAt", startedAt);
            map.put("finishedAt", finishedAt);
            if (failure != null) {
                map.put("detail", failure);
            }
            if (outcome != null) {
                map.putAll(outcome);
            }
            return map;
        }
    }

    private final TrainEvalJob job;
    private final PreferencePairs preferences;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "train-eval-rest");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Run> runs = new LinkedHashMap<>();

    TrainEvalRuns(TrainEvalJob job, PreferencePairs preferences) {
        this.job = job;
        this.preferences = preferences;
    }

    /**
     * Starts a run. What can be known at once is answered at once: 409 while a run is in progress, 422 with too few
     * preference pairs (nothing is trained then).
     */
    synchronized Run start(Path out, String actor) {
        if (job.running() || runs.values().stream().anyMatch(r -> r.status.equals("running"))) {
            throw Problems.of(HttpStatus.CONFLICT, "A train-eval run is already in progress.");
        }
        int pairs = preferences.count();
        if (pairs < RewardTrainer.MIN_PAIRS) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Training needs at least " + RewardTrainer.MIN_PAIRS
                    + " preference pairs; " + pairs + " recorded. Nothing was trained.");
        }
        Run run = new Run(actor);
        runs.put(run.id, run);
        while (runs.size() > KEPT) {
            runs.remove(runs.keySet().iterator().next());
        }
        executor.submit(() -> execute(run, out));
        return run;
    }

    synchronized Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    synchronized List<Run> list() {
        List<Run> newestFirst = new ArrayList<>(runs.values());
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    private void execute(Run run, Path out) {
        try {
            TrainEvalJob.Outcome outcome = job.run(out, run.actor);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("candidate", outcome.candidate());
            body.put("rewardModel", outcome.rewardModel());
            body.put("report", outcome.report());
            body.put("reportDir", Path.of("").toAbsolutePath().relativize(outcome.reportJson().toAbsolutePath().getParent()).toString());
            run.outcome = body;
            run.status = "succeeded";
        } catch (ErrorResponseException e) {
            run.failure = e.getBody().getDetail();
            run.status = "failed";
        } catch (RuntimeException e) {
            log.warn("train-eval run {} failed", run.id, e);
            run.failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            run.status = "failed";
        } finally {
            run.finishedAt = Instant.now();
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

package io.precis.admin.training;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.precis.admin.web.Problems;

/**
 * Starts train-eval (minutes on the full evaluation sets) and answers at once with 202 and the run's id; the run's
 * status and outcome are at {@code GET /api/v1/admin/training/runs/{id}}.
 */
@RestController
@RequestMapping("/api/v1/admin/training")
class TrainEvalController {
    private final TrainEvalRuns runs;
    private final TrainingProperties props;

    TrainEvalController(TrainEvalRuns runs, TrainingProperties props) {
        this.runs = runs;
        this.props = props;
    }

    @PostMapping("/runs")
    ResponseEntity<Map<String, Object>> start(Authentication auth) {
        TrainEvalRuns.Run run = runs.start(props.outPath(), auth.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/training/runs/" + run.id)).body(run.toMap());
    }

    @GetMapping("/runs/{id}")
    Map<String, Object> status(@PathVariable String id) {
        return runs.find(id).orElseThrow(() -> Problems.notFound("train-eval run", id)).toMap();
    }

    @GetMapping("/runs")
    List<Map<String, Object>> list() {
        return runs.list().stream().map(TrainEvalRuns.Run::toMap).toList();
    }
}

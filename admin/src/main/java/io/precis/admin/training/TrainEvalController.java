package io.precis.admin.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.precis.admin.web.Problems;
import io.precis.inference.reward.NotEnoughPairsException;

/** Runs train-eval and answers when it has finished (minutes on the full evaluation sets). */
@RestController
@RequestMapping("/api/v1/admin/training")
class TrainEvalController {
    private final TrainEvalJob job;
    private final TrainingProperties props;

    TrainEvalController(TrainEvalJob job, TrainingProperties props) {
        this.job = job;
        this.props = props;
    }

    @PostMapping("/runs")
    Map<String, Object> run(Authentication auth) {
        TrainEvalJob.Outcome outcome;
        try {
            outcome = job.run(props.outPath(), auth.getName());
        } catch (NotEnoughPairsException e) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        } catch (IllegalStateException e) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("candidate", outcome.candidate());
        body.put("rewardModel", outcome.rewardModel());
        body.put("report", outcome.report());
        body.put("reportDir", Path.of("").toAbsolutePath().relativize(outcome.reportJson().toAbsolutePath().getParent()).toString());
        return body;
    }
}

package io.precis.admin.training;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.precis.admin.models.ModelsView;

/** Lets the model registry view start train-eval, writing its report where scheduled runs write theirs. */
@Component
class ConsoleTrainEval implements ModelsView.TrainEvalStarter {
    private static final Logger log = LoggerFactory.getLogger(ConsoleTrainEval.class);
    private final TrainEvalJob job;
    private final TrainingProperties props;

    ConsoleTrainEval(TrainEvalJob job, TrainingProperties props) {
        this.job = job;
        this.props = props;
    }

    @Override
    public void start(String actor) {
        try {
            job.run(props.outPath(), actor);
        } catch (RuntimeException e) {
            log.warn("train-eval started from the console did not register a candidate: {}", e.getMessage());
        }
    }
}

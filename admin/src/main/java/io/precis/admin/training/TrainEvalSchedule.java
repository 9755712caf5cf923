package io.precis.admin.training;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs train-eval on the cron expression {@code precis.training.schedule} ("-", the default, turns it off). */
@Configuration
@EnableScheduling
class TrainEvalSchedule {
    private static final Logger log = LoggerFactory.getLogger(TrainEvalSchedule.class);
    private final TrainEvalJob job;
    private final TrainingProperties props;

    TrainEvalSchedule(TrainEvalJob job, TrainingProperties props) {
        this.job = job;
        this.props = props;
    }

    @Scheduled(cron = "${precis.training.schedule:-}")
    void scheduled() {
        try {
            job.run(props.outPath(), "scheduler");
        } catch (RuntimeException e) {
            log.warn("scheduled train-eval did not register a candidate: {}", e.getMessage());
        }
    }
}

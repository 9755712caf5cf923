package io.precis.admin.models;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.precis.inference.embed.Embedder;
import io.precis.inference.reward.RewardModel;
import io.precis.inference.reward.RewardScorer;
import io.precis.inference.reward.SummaryFeatures;
import jakarta.annotation.PreDestroy;

/**
 * Scores served summaries with the production reward model, off the request thread (a full queue drops the score
 * rather than slow summaries down). {@code rlhf_reward} is the mean reward of this instance's last
 * {@value #WINDOW} scored summaries; NaN before the first or while no reward model is in production.
 */
@Component
public class LiveReward {
    static final int WINDOW = 200;
    private static final Logger log = LoggerFactory.getLogger(LiveReward.class);

    private final ModelRegistry registry;
    private final SummaryFeatures features;
    private final ObjectMapper json;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(100), r -> {
                Thread t = new Thread(r, "live-reward");
                t.setDaemon(true);
                return t;
            });
    private final Deque<Double> recent = new ArrayDeque<>();
    private volatile RewardScorer scorer;
    private volatile long scorerModelId = -1;

    LiveReward(ModelRegistry registry, Embedder embedder, ObjectMapper json, MeterRegistry meters) {
        this.registry = registry;
        this.features = new SummaryFeatures(embedder);
        this.json = json;
        Gauge.builder("rlhf.reward", this, LiveReward::mean)
                .description("Mean reward-model score of the last " + WINDOW + " served summaries").register(meters);
    }

    /** Scores a served summary in the background; {@code onScore} gets the reward when there is a production reward model. */
    public void score(List<String> documents, String summary, DoubleConsumer onScore) {
        try {
            executor.execute(() -> {
                try {
                    RewardScorer current = currentScorer();
                    if (current == null) {
                        return;
                    }
                    double reward = current.score(documents, summary);
                    synchronized (recent) {
                        recent.addLast(reward);
                        if (recent.size() > WINDOW) {
                            recent.removeFirst();
                        }
                    }
                    onScore.accept(reward);
                } catch (RuntimeException e) {
                    log.warn("could not score a served summary with the reward model: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("reward scoring queue full; summary not scored");
        }
    }

    double mean() {
        synchronized (recent) {
            return recent.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    /** The production reward model as a function (documents, summary) → reward; null while there is none. */
    public java.util.function.ToDoubleBiFunction<List<String>, String> currentReward() {
        RewardScorer current = currentScorer();
        return current == null ? null : current::score;
    }

    private RewardScorer currentScorer() {
        ModelVersion production = registry.inStage(ModelVersion.REWARD_MODEL, "production").orElse(null);
        if (production == null) {
            return null;
        }
        if (production.id() != scorerModelId) {
            Object model = production.config().get("model");
            if (!(model instanceof Map<?, ?>)) {
                return null;
            }
            try {
                scorer = new RewardScorer(features, RewardModel.fromJson(json.writeValueAsString(model)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            scorerModelId = production.id();
            synchronized (recent) {
                recent.clear();
            }
        }
        return scorer;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

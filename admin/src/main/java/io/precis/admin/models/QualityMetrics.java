package io.precis.admin.models;

import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The production summariser policy's evaluation, as gauges: {@code eval_rouge_l} and {@code eval_factual_consistency}
 * are its held-out ROUGE-L F1 and factual-consistency score; {@code eval_rouge_l_previous_release} and
 * {@code eval_factual_consistency_baseline} are those of the release it replaced, measured in the same run (its
 * report's baseline). NaN when production has no such report.
 */
@Component
class QualityMetrics {
    private final ModelRegistry registry;

    QualityMetrics(ModelRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        gauge(meters, "eval.rouge.l", "Held-out ROUGE-L F1 of the production summariser", r -> score(r, "heldOut", "rougeL"));
        gauge(meters, "eval.rouge.l.previous.release", "Held-out ROUGE-L F1 of the release production replaced",
                r -> score(r, "baseline", "rougeL"));
        gauge(meters, "eval.factual.consistency", "Held-out factual-consistency score of the production summariser",
                r -> score(r, "heldOut", "factualConsistency"));
        gauge(meters, "eval.factual.consistency.baseline", "Held-out factual-consistency score of the release production replaced",
                r -> score(r, "baseline", "factualConsistency"));
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<Map<String, Object>> value) {
        Gauge.builder(name, this, q -> value.applyAsDouble(q.productionReport())).description(description).register(meters);
    }

    private Map<String, Object> productionReport() {
        return registry.inStage(ModelVersion.SUMMARIZER_POLICY, "production").map(ModelVersion::evalReport).orElse(null);
    }

    private static double score(Map<String, Object> report, String section, String metric) {
        if (report != null && report.get(section) instanceof Map<?, ?> scores && scores.get(metric) instanceof Number n) {
            return n.doubleValue();
        }
        return Double.NaN;
    }
}

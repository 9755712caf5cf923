package io.precis.admin.models;

import java.time.Instant;
import java.util.Map;

/** One stage change of a model version, with who made it, why, and the gate's evidence. */
public record ModelPromotion(long id, long modelId, String actor, String fromStage, String toStage, Double canaryShare,
        String reason, Map<String, Object> evidence, boolean override, Instant at) {
}

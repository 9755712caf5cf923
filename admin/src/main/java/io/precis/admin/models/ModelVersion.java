package io.precis.admin.models;

import java.time.Instant;
import java.util.Map;

/**
 * A version of a model in the registry.
 *
 * @param kind        {@code summarizer-policy}, {@code reward-model}, {@code llm-endpoint} or {@code lora-adapter}
 * @param stage       {@code candidate}, {@code canary}, {@code production} or {@code archived}
 * @param config      what serving needs (policy parameters, reward model weights, endpoint or adapter name)
 * @param evalReport  the evaluation report ({@code heldOut} scores, the {@code baseline} they were compared with); may be null
 * @param parentId    the version it was derived from (lineage); may be null
 */
public record ModelVersion(long id, String kind, String name, String version, String stage, double canaryShare,
        Map<String, Object> config, Map<String, Object> evalReport, Long parentId, String createdBy, Instant createdAt,
        long lockVersion) {
    public static final String SUMMARIZER_POLICY = "summarizer-policy";
    public static final String REWARD_MODEL = "reward-model";

    public String label() {
        return name + ":" + version;
    }
}

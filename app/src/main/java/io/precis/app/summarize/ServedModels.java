package io.precis.app.summarize;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.precis.admin.models.LiveReward;
import io.precis.admin.models.ModelRegistry;
import io.precis.admin.models.ModelRouter;
import io.precis.admin.models.ModelVersion;
import io.precis.inference.embed.Embedder;
import io.precis.inference.summarize.ExtractiveSummarizer;
import io.precis.inference.summarize.ModelInfo;
import io.precis.inference.summarize.PolicyParameters;
import io.precis.inference.summarize.SourceDocument;
import io.precis.inference.summarize.Summarizer;
import io.precis.inference.summarize.Summary;

/**
 * Which model serves a summary: with the embedded backend, the registry's production or canary policy (by canary
 * share), or the built-in default policy while none is registered; with an LLM backend, the LLM. Served summaries are
 * scored by the production reward model for {@code rlhf_reward}.
 */
@Component
class ServedModels {
    record Served(Summarizer summarizer, Long versionId) {
    }

    /** Another version of the embedded policy to compare with, and the stage it was picked for. */
    record Challenger(Served served, String label, String role) {
    }

    private final Summarizer backend;
    private final Embedder embedder;
    private final ModelRouter router;
    private final ModelRegistry registry;
    private final LiveReward reward;
    private final JdbcTemplate jdbc;
    private final boolean llm;
    private final Map<Long, Summarizer> policies = new ConcurrentHashMap<>();

    ServedModels(Summarizer backend, Embedder embedder, ModelRouter router, ModelRegistry registry, LiveReward reward,
            JdbcTemplate jdbc, LlmProperties llm) {
        this.backend = backend;
        this.embedder = embedder;
        this.router = router;
        this.registry = registry;
        this.reward = reward;
        this.jdbc = jdbc;
        this.llm = llm.enabled();
    }

    Served choose() {
        if (llm) {
            return new Served(backend, null);
        }
        return router.route(ModelVersion.SUMMARIZER_POLICY)
                .map(this::served)
                .orElseGet(() -> new Served(backend, null));
    }

    /** The model that served a stored summary again: its registry version, or the backend when it had none. */
    Served again(Long versionId) {
        return Optional.ofNullable(versionId).flatMap(registry::find).map(this::served)
                .orElseGet(() -> new Served(backend, null));
    }

    /** Another version of the embedded policy than {@code servedId}, as {@link ModelRouter#challenger} picks it. */
    Optional<Challenger> challenger(Long servedId) {
        return router.challenger(ModelVersion.SUMMARIZER_POLICY, servedId)
                .map(c -> new Challenger(served(c.version()), c.version().label(), c.role()));
    }

    private Served served(ModelVersion version) {
        return new Served(policies.computeIfAbsent(version.id(), id -> policy(version)), version.id());
    }

    void scoreReward(UUID summaryId, List<SourceDocument> documents, Summary summary) {
        reward.score(documents.stream().map(SourceDocument::text).toList(), summary.text(),
                value -> jdbc.update("update summaries set reward = ? where id = ?", value, summaryId));
    }

    private Summarizer policy(ModelVersion version) {
        Object policy = version.config().get("policy");
        @SuppressWarnings("unchecked")
        PolicyParameters parameters = policy instanceof Map<?, ?> map ? PolicyParameters.fromMap((Map<String, ?>) map)
                : PolicyParameters.defaults();
        return new ExtractiveSummarizer(embedder, parameters, new ModelInfo(version.name(), version.version()));
    }
}

package io.precis.admin.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Picks the version that serves a request: the canary with probability equal to its share, production otherwise.
 * Empty when the kind has no production and no canary version (the built-in default serves then).
 */
@Service
public class ModelRouter {
    /** A version to compare with the one that served, and the stage it was picked for ("canary", "production", …). */
    public record Challenger(ModelVersion version, String role) {
    }

    private final ModelRegistry registry;
    private final DoubleSupplier random;

    @Autowired
    ModelRouter(ModelRegistry registry) {
        this(registry, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    ModelRouter(ModelRegistry registry, DoubleSupplier random) {
        this.registry = registry;
        this.random = random;
    }

    public Optional<ModelVersion> route(String kind) {
        List<ModelVersion> serving = registry.serving(kind);
        ModelVersion production = serving.stream().filter(m -> m.stage().equals("production")).findFirst().orElse(null);
        ModelVersion canary = serving.stream().filter(m -> m.stage().equals("canary")).findFirst().orElse(null);
        if (canary != null && (production == null || random.getAsDouble() < canary.canaryShare())) {
            return Optional.of(canary);
        }
        return Optional.ofNullable(production);
    }

    /**
     * The version a side-by-side comparison sets against the one that served ({@code servedId}; null for the built-in
     * default or the LLM): the canary, else production (when the canary served), else the newest candidate, else the
     * production version that the current one replaced. Empty when the kind has no other version.
     */
    public Optional<Challenger> challenger(String kind, Long servedId) {
        List<Challenger> inOrder = new ArrayList<>();
        registry.inStage(kind, "canary").ifPresent(v -> inOrder.add(new Challenger(v, "canary")));
        registry.inStage(kind, "production").ifPresent(v -> inOrder.add(new Challenger(v, "production")));
        registry.list(kind).stream().filter(v -> v.stage().equals("candidate")).findFirst()
                .ifPresent(v -> inOrder.add(new Challenger(v, "newest candidate")));
        registry.previousProduction(kind).ifPresent(v -> inOrder.add(new Challenger(v, "previous production")));
        return inOrder.stream().filter(c -> !Objects.equals(c.version().id(), servedId)).findFirst();
    }
}

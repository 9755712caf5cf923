package io.precis.admin.models;

import java.util.List;
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
}

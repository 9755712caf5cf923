package io.precis.admin.models;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.precis.admin.web.Problems;

/** The model registry over REST: list, register, canary, production, rollback, archive, history. */
@RestController
@RequestMapping("/api/v1/admin/models")
class ModelController {
    /** A stage change: {@code share} for canary, a {@code reason} (required with {@code override}). */
    record StageChange(Double share, String reason, Boolean override) {
        boolean overriding() {
            return Boolean.TRUE.equals(override);
        }
    }

    record RollbackRequest(String kind, String reason) {
    }

    private final ModelRegistry registry;

    ModelController(ModelRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    List<ModelVersion> list(@RequestParam(name = "kind", required = false) String kind) {
        return registry.list(kind);
    }

    @GetMapping("/{id}")
    ModelVersion get(@PathVariable long id) {
        return registry.find(id).orElseThrow(() -> Problems.notFound("model version", id));
    }

    @GetMapping("/{id}/history")
    List<ModelPromotion> history(@PathVariable long id) {
        get(id);
        return registry.history(id);
    }

    @PostMapping
    ResponseEntity<ModelVersion> register(@RequestBody ModelRegistry.Registration registration, Authentication auth) {
        ModelVersion created = registry.register(registration, auth.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/models/" + created.id())).body(created);
    }

    @PostMapping("/{id}/canary")
    ModelVersion canary(@PathVariable long id, @RequestBody StageChange change, Authentication auth) {
        if (change.share() == null) {
            throw Problems.badRequest("Give the canary's 'share' of live requests (above 0, at most 1).");
        }
        return registry.toCanary(id, change.share(), change.reason(), change.overriding(), auth.getName());
    }

    @PostMapping("/{id}/production")
    ModelVersion production(@PathVariable long id, @RequestBody(required = false) StageChange change, Authentication auth) {
        StageChange c = change == null ? new StageChange(null, null, false) : change;
        return registry.toProduction(id, c.reason(), c.overriding(), auth.getName());
    }

    @PostMapping("/{id}/archive")
    ModelVersion archive(@PathVariable long id, @RequestBody(required = false) StageChange change, Authentication auth) {
        return registry.archive(id, change == null ? null : change.reason(), auth.getName());
    }

    @PostMapping("/rollback")
    ModelVersion rollback(@RequestBody RollbackRequest request, Authentication auth) {
        return registry.rollback(request.kind(), request.reason(), auth.getName());
    }

    @GetMapping("/routing")
    Map<String, Object> routing(@RequestParam(name = "kind", defaultValue = ModelVersion.SUMMARIZER_POLICY) String kind) {
        return Map.of("kind", kind, "serving", registry.serving(kind));
    }
}

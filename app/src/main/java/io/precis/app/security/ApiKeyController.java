package io.precis.app.security;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.precis.admin.web.Problems;

/** Admin-only management of API keys; the secret appears once, in the creation response. */
@RestController
@RequestMapping("/api/v1/admin/api-keys")
class ApiKeyController {
    record CreateApiKey(String name, String role) {
    }

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @GetMapping
    List<ApiKeyService.ApiKeyInfo> list() {
        return keys.list();
    }

    @PostMapping
    ResponseEntity<ApiKeyService.CreatedApiKey> create(@RequestBody CreateApiKey request) {
        if (request.name() == null || request.name().isBlank()) throw Problems.badRequest("'name' is required.");
        if (request.role() == null) throw Problems.badRequest("'role' is required: ANALYST, OPERATOR or ADMIN.");
        try {
            var created = keys.create(request.name(), Role.parse(request.role()), CurrentUser.name());
            return ResponseEntity.created(URI.create("/api/v1/admin/api-keys/" + created.info().id())).body(created);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage());
        }
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        if (!keys.revoke(id)) throw Problems.notFound("API key", id);
        return ResponseEntity.noContent().build();
    }
}

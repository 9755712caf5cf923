package io.precis.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: shown once at creation, stored as SHA-256 hashes (keys are long random strings, so a fast hash
 * is safe and keeps per-request authentication cheap).
 */
@Service
public class ApiKeyService {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    public record ApiKeyInfo(long id, String name, String prefix, Role role, String createdBy, Instant createdAt,
                             Instant lastUsedAt, boolean active) {
    }

    public record CreatedApiKey(ApiKeyInfo info, String secret) {
    }

    record Principal(String name, Role role) {
    }

    private final ApiKeyRepository keys;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyRepository keys) {
        this.keys = keys;
    }

    @Transactional
    public CreatedApiKey create(String name, Role role, String createdBy) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("API key name is empty");
        if (name.length() > 100) throw new IllegalArgumentException("API key name is longer than 100 characters");
        String secret = "pk_" + randomString(40);
        ApiKey key = keys.save(new ApiKey(name.trim(), prefixOf(secret), sha256(secret), role, createdBy));
        return new CreatedApiKey(info(key), secret);
    }

    @Transactional
    void seed(String name, String secret, Role role) {
        if (keys.findByKeyHash(sha256(secret)).isEmpty()) keys.save(new ApiKey(name, prefixOf(secret), sha256(secret), role, "bootstrap"));
    }

    public List<ApiKeyInfo> list() {
        return keys.findAllByOrderByCreatedAtDesc().stream().map(ApiKeyService::info).toList();
    }

    @Transactional
    public boolean revoke(long id) {
        return keys.findById(id).map(k -> {
            if (k.active()) k.revoke();
            return true;
        }).orElse(false);
    }

    /**
     * Replaces every active key by a new one of the same name and role, created by {@code actor}; the old keys stop
     * working at once. The key seeded from {@code PRECIS_BOOTSTRAP_API_KEY} is left alone: it comes back from the
     * environment at the next start, so it is rotated where that secret is kept.
     */
    @Transactional
    public List<CreatedApiKey> rotateAll(String actor) {
        List<CreatedApiKey> created = new java.util.ArrayList<>();
        for (ApiKey old : keys.findAllByOrderByCreatedAtDesc()) {
            if (!old.active() || "bootstrap".equals(old.createdBy())) continue;
            old.revoke();
            created.add(create(old.name(), old.role(), actor));
        }
        return created;
    }

    Optional<Principal> authenticate(String secret) {
        if (secret == null || secret.isBlank()) return Optional.empty();
        return keys.findByKeyHash(sha256(secret.trim())).filter(ApiKey::active).map(k -> {
            Instant now = Instant.now();
            if (k.lastUsedAt() == null || k.lastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
                keys.touch(k.id(), now, now.minus(TOUCH_INTERVAL));
            }
            return new Principal("apikey:" + k.name(), k.role());
        });
    }

    private static ApiKeyInfo info(ApiKey k) {
        return new ApiKeyInfo(k.id(), k.name(), k.keyPrefix(), k.role(), k.createdBy(), k.createdAt(), k.lastUsedAt(), k.active());
    }

    private static String prefixOf(String secret) {
        return secret.substring(0, Math.min(11, secret.length()));
    }

    private String randomString(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

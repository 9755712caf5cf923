package io.precis.app.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "api_keys")
class ApiKey {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(name = "key_prefix", nullable = false)
    private String keyPrefix;
    @Column(name = "key_hash", nullable = false, unique = true)
    private String keyHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(String name, String keyPrefix, String keyHash, Role role, String createdBy) {
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.role = role;
        this.createdBy = createdBy;
    }

    Long id() { return id; }
    String name() { return name; }
    String keyPrefix() { return keyPrefix; }
    Role role() { return role; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    Instant lastUsedAt() { return lastUsedAt; }
    Instant revokedAt() { return revokedAt; }
    boolean active() { return revokedAt == null; }
    void revoke() { revokedAt = Instant.now(); }
}

package io.precis.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.precis.app.support.PrecisIntegrationTest;

@PrecisIntegrationTest
class ApiKeyServiceTest {
    @Autowired
    ApiKeyService keys;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesOnlyAHashAndAuthenticatesUntilRevoked() {
        var created = keys.create("svc-" + UUID.randomUUID(), Role.OPERATOR, "test");
        String stored = jdbc.queryForObject("select key_hash from api_keys where id = ?", String.class, created.info().id());
        assertThat(stored).isEqualTo(ApiKeyService.sha256(created.secret())).doesNotContain(created.secret());
        assertThat(keys.authenticate(created.secret())).get().extracting(ApiKeyService.Principal::role).isEqualTo(Role.OPERATOR);
        assertThat(keys.revoke(created.info().id())).isTrue();
        assertThat(keys.authenticate(created.secret())).isEmpty();
        assertThat(keys.revoke(-1)).isFalse();
    }

    @Test
    void firstStartCreatedTheConfiguredAdminWithABcryptHash() {
        assertThat(users.roleOf("admin")).contains(Role.ADMIN);
        String hash = jdbc.queryForObject("select password_hash from users where username = 'admin'", String.class);
        assertThat(hash).startsWith("$2a$").doesNotContain("test-admin-password");
    }

    @Test
    void refusesDuplicateUsersAndShortPasswords() {
        assertThatThrownBy(() -> users.create("admin", "long-enough-password", Role.ANALYST)).hasMessageContaining("exists");
        assertThatThrownBy(() -> users.create("u-" + UUID.randomUUID(), "short", Role.ANALYST)).hasMessageContaining("8 characters");
    }

    @Test
    void schemaIsOwnedByFlywayAndHasPgvector() {
        assertThat(jdbc.queryForObject("select count(*) from pg_extension where extname = 'vector'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class)).isPositive();
    }
}

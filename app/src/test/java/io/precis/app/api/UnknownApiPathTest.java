package io.precis.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/** An /api path this version does not serve is a 404 problem, never the UI's HTML page. */
@PrecisIntegrationTest
class UnknownApiPathTest {
    @LocalServerPort
    int port;

    @Test
    void unknownApiPathsAnswer404Problems() {
        Api api = new Api(port);
        var get = api.getWithKey("/api/v1/no-such-endpoint?q=x", Api.BOOTSTRAP_KEY);
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.contentType()).startsWith("application/problem+json");

        var post = api.postJson("/api/v1/no-such-endpoint", Map.of("question", "x"), Api.BOOTSTRAP_KEY);
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.contentType()).startsWith("application/problem+json");
        assertThat(post.body()).doesNotContain("<html");
    }
}

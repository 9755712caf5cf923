package io.precis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ApiKeyCommandTest {
    @Test
    void readsOptionsInBothForms() {
        assertThat(ApiKeyCommand.option(List.of("--name", "ci", "--role=ADMIN"), "--name")).isEqualTo("ci");
        assertThat(ApiKeyCommand.option(List.of("--name", "ci", "--role=ADMIN"), "--role")).isEqualTo("ADMIN");
        assertThat(ApiKeyCommand.option(List.of("--name"), "--name")).isNull();
    }
}

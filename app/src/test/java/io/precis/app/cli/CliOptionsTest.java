package io.precis.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CliOptionsTest {
    @Test
    void readsOptionsInBothForms() {
        assertThat(CliOptions.option(List.of("--name", "ci", "--role=ADMIN"), "--name")).isEqualTo("ci");
        assertThat(CliOptions.option(List.of("--name", "ci", "--role=ADMIN"), "--role")).isEqualTo("ADMIN");
        assertThat(CliOptions.option(List.of("--name"), "--name")).isNull();
    }
}

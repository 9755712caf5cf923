package io.precis.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpSessionEvent;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class ConsoleSessionsTest {

    @Test
    void invalidatesEverySessionButTheOneToKeep() {
        ConsoleSessions sessions = new ConsoleSessions();
        MockHttpSession mine = new MockHttpSession(null, "mine");
        MockHttpSession a = new MockHttpSession(null, "a");
        MockHttpSession b = new MockHttpSession(null, "b");
        for (MockHttpSession s : new MockHttpSession[] {mine, a, b}) sessions.sessionCreated(new HttpSessionEvent(s));
        MockHttpSession gone = new MockHttpSession(null, "gone");
        sessions.sessionCreated(new HttpSessionEvent(gone));
        sessions.sessionDestroyed(new HttpSessionEvent(gone));

        assertThat(sessions.invalidateAllExcept("mine")).isEqualTo(2);
        assertThat(a.isInvalid()).isTrue();
        assertThat(b.isInvalid()).isTrue();
        assertThat(mine.isInvalid()).isFalse();
        assertThat(gone.isInvalid()).isFalse();
    }
}

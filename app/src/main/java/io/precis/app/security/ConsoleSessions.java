package io.precis.app.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.springframework.stereotype.Component;

/** The console's open HTTP sessions (Spring Boot registers this listener with the servlet container). */
@Component
class ConsoleSessions implements HttpSessionListener {
    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession().getId());
    }

    /** Invalidates every session except {@code keep} (may be null); returns how many ended. */
    int invalidateAllExcept(String keep) {
        int ended = 0;
        for (HttpSession session : List.copyOf(sessions.values())) {
            if (session.getId().equals(keep)) continue;
            try {
                session.invalidate();
                ended++;
            } catch (IllegalStateException alreadyInvalid) {
                sessions.remove(session.getId());
            }
        }
        return ended;
    }
}

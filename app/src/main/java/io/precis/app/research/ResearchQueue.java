package io.precis.app.research;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.precis.admin.runbooks.RunbookAction;

/**
 * The research queue's pause switch, kept in the database so that every replica's workers see it: while paused,
 * no worker claims a job (running ones finish; new ones wait in {@code queued}).
 */
@Configuration
class ResearchQueue {
    private static final String KEY = "research.paused";

    private final JdbcTemplate jdbc;

    ResearchQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean paused() {
        List<String> value = jdbc.queryForList("SELECT value FROM app_settings WHERE key = ?", String.class, KEY);
        return !value.isEmpty() && Boolean.parseBoolean(value.get(0));
    }

    void setPaused(boolean paused, String actor) {
        jdbc.update("""
                INSERT INTO app_settings (key, value, updated_by) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, updated_at = now()""",
                KEY, Boolean.toString(paused), actor);
    }

    long waiting() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM research_jobs WHERE status = 'queued'", Long.class);
        return n == null ? 0 : n;
    }

    @Bean
    RunbookAction pauseResearch() {
        return new RunbookAction("pause-research", "Pause research queue",
                "Stops every replica from starting queued research jobs; running jobs finish, new ones wait. "
                        + "For a backlog, an overloaded search provider or vLLM, or before maintenance.",
                actor -> {
                    setPaused(true, actor);
                    return RunbookAction.Result.done("Research queue paused; " + waiting() + " jobs waiting.");
                });
    }

    @Bean
    RunbookAction resumeResearch() {
        return new RunbookAction("resume-research", "Resume research queue",
                "Lets the workers claim queued research jobs again, oldest first.",
                actor -> {
                    setPaused(false, actor);
                    return RunbookAction.Result.done("Research queue resumed; " + waiting() + " jobs waiting.");
                });
    }
}

package io.precis.admin.runbooks;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Runs the runbook actions the app provides and keeps a short history of the runs for the console. */
@Service
public class RunbookActions {
    private static final Logger log = LoggerFactory.getLogger(RunbookActions.class);
    private static final int HISTORY = 50;

    /** One run: who, what, when and how it ended. */
    public record Run(Instant at, String actor, String action, String summary, boolean ok) {
    }

    private final List<RunbookAction> actions;
    private final Deque<Run> history = new ArrayDeque<>();

    RunbookActions(List<RunbookAction> actions) {
        this.actions = actions.stream().sorted(Comparator.comparing(RunbookAction::label)).toList();
    }

    public List<RunbookAction> all() {
        return actions;
    }

    public Optional<RunbookAction> find(String id) {
        return actions.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Runs the action; a failure becomes a result that says so, never an exception for the view. */
    public RunbookAction.Result run(RunbookAction action, String actor) {
        RunbookAction.Result result;
        try {
            result = action.run(actor);
        } catch (RuntimeException e) {
            log.warn("runbook action {} by {} failed", action.id(), actor, e);
            result = new RunbookAction.Result(action.label() + " failed: " + e.getMessage(), null, false);
        }
        log.info("runbook action {} by {}: {}", action.id(), actor, result.summary());
        synchronized (history) {
            history.addFirst(new Run(Instant.now(), actor, action.label(), result.summary(), result.ok()));
            while (history.size() > HISTORY) history.removeLast();
        }
        return result;
    }

    public List<Run> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }
}

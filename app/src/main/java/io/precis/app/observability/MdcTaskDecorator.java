package io.precis.app.observability;

import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.MDC;
import org.springframework.core.task.TaskDecorator;

/**
 * Carries the MDC (request id, principal) of the thread that submits a task into the task, so background work started
 * by a request (jobs on Spring's task executor, the Library's ingestion, research steps) logs with that request's id.
 * The task's thread gets its own MDC back afterwards.
 */
public class MdcTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable runnable) {
        return carry(runnable);
    }

    /** {@code work} for another thread, run with the MDC the calling thread has now. */
    public static Runnable carry(Runnable work) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = enter(context);
            try {
                work.run();
            } finally {
                enter(previous);
            }
        };
    }

    /** {@code work} for another thread, run with the MDC the calling thread has now. */
    public static <T> Callable<T> carry(Callable<T> work) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = enter(context);
            try {
                return work.call();
            } finally {
                enter(previous);
            }
        };
    }

    /** Makes {@code context} (null: none) the calling thread's MDC; returns the one it replaces. */
    private static Map<String, String> enter(Map<String, String> context) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        MDC.setContextMap(context == null ? Map.of() : context);
        return previous;
    }
}

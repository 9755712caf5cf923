package io.precis.app.research;

import java.util.Map;
import java.util.UUID;

import org.slf4j.MDC;

import io.precis.app.observability.RequestLog;

/**
 * The MDC of a research job's log lines: the id of the request that submitted it ({@value RequestLog#MDC_REQUEST_ID})
 * and the job's id ({@value #MDC_JOB_ID}). Jobs run long after that request, on the worker pool of whichever instance
 * claims them, so the request id is stored with the job and set again around every thread that works for it.
 */
final class JobLogContext {
    static final String MDC_JOB_ID = "researchJobId";

    private JobLogContext() {
    }

    /** The id of the current HTTP request (null outside one), to store with a job submitted now. */
    static String submittingRequestId() {
        return MDC.get(RequestLog.MDC_REQUEST_ID);
    }

    /** Puts the job's ids in the MDC of the calling thread until {@link Scope#close()}, which restores what was there. */
    static Scope open(UUID job, String requestId) {
        Map<String, String> previous = MDC.getCopyOfContextMap();
        MDC.put(MDC_JOB_ID, job.toString());
        if (requestId != null) {
            MDC.put(RequestLog.MDC_REQUEST_ID, requestId);
        } else {
            MDC.remove(RequestLog.MDC_REQUEST_ID);
        }
        return new Scope(previous);
    }

    static final class Scope implements AutoCloseable {
        private final Map<String, String> previous;

        private Scope(Map<String, String> previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            MDC.setContextMap(previous == null ? Map.of() : previous);
        }
    }
}

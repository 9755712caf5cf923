package io.precis.app.research;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of a research job, shared by the keyed API and the public one. */
public final class ResearchJson {
    private ResearchJson() {
    }

    /** The job's state without plan, sources, log or report: what lists, submissions and stream ends show. */
    public static Map<String, Object> summary(ResearchJob job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("question", job.question());
        m.put("depth", job.depth());
        m.put("breadth", job.breadth());
        m.put("collection", job.collection());
        m.put("sourceOptions", job.sources());
        m.put("status", job.status());
        m.put("progress", job.progress());
        m.put("provider", job.provider());
        m.put("reason", job.reason());
        m.put("attempts", job.attempts());
        m.put("requestId", job.requestId());
        m.put("createdAt", job.createdAt());
        m.put("startedAt", job.startedAt());
        m.put("finishedAt", job.finishedAt());
        if (job.report() != null) {
            m.put("citedSentences", job.report().citedSentences());
            m.put("unsupportedClaims", job.report().unsupported());
            m.put("supportRatio", job.report().supportRatio());
        }
        return m;
    }

    /** The job's state with its plan, sources, log, step timings and report: {@code GET /api/v1/research/{id}}. */
    public static Map<String, Object> details(ResearchService.Details d) {
        Map<String, Object> body = summary(d.job());
        body.put("plan", d.plan());
        body.put("sources", d.sources());
        body.put("log", d.log());
        body.put("stepMillis", d.stepMillis());
        body.put("report", d.job().report());
        return body;
    }
}

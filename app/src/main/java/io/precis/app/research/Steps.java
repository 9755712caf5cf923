package io.precis.app.research;

import java.util.List;
import java.util.UUID;

/** What each step of a job produces; stored as JSON in {@code research_steps}, read back when a job resumes. */
final class Steps {
    static final String PLAN = "plan";
    static final String PINNED = "pinned";
    static final String WRITE = "write";

    private Steps() {
    }

    static String search(int round) {
        return "search-" + round;
    }

    static String read(int round) {
        return "read-" + round;
    }

    static String reflect(int round) {
        return "reflect-" + round;
    }

    /** The status a job shows while the step runs. */
    static String status(String step) {
        if (step.startsWith("search")) return "searching";
        if (step.startsWith("read") || step.equals(PINNED)) return "reading";
        if (step.equals(WRITE)) return "writing";
        return "planning";
    }

    /** Steps of a job of this depth: plan, pinned, then search and read per round with a reflection between rounds, write. */
    static int count(int depth) {
        return 2 + 2 * depth + (depth - 1) + 1;
    }

    record Plan(List<String> subQuestions, String planner) {
    }

    record Hits(List<SearchHit> hits, List<String> failures) {
    }

    record Read(List<UUID> documents, List<String> failures) {
    }

    record CoverageItem(String subQuestion, double evidence) {
    }

    record Reflect(List<CoverageItem> coverage, List<String> next, String planner) {
    }

    record Written(int citedSentences, int unsupported, double supportRatio, int sections) {
    }
}

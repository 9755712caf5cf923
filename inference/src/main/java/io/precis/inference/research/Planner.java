package io.precis.inference.research;

import java.util.List;
import java.util.Set;

/** Decomposes a research question into sub-questions, one round at a time. Implementations are thread-safe. */
public interface Planner {

    /** The first round: at most {@code breadth} sub-questions. */
    List<String> plan(String question, int breadth);

    /**
     * The next round after reflecting on what is still missing: at most {@code breadth} sub-questions, none of
     * {@code asked}; empty when nothing is left to ask.
     */
    List<String> reflect(String question, List<Coverage> coverage, Set<String> asked, int breadth);

    /** For the plan and reports: {@code heuristic} or the model's name. */
    String name();
}

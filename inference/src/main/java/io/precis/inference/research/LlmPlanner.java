package io.precis.inference.research;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.precis.inference.llm.LlmChat;
import io.precis.inference.llm.LlmUnavailableException;

/**
 * Plans with a language model: sub-questions, then after each round a reflection prompt that shows how well each
 * sub-question is covered and asks what is still missing. Falls back to the heuristic planner when the model
 * fails or answers with nothing usable, so a job never stops for want of a plan.
 */
public final class LlmPlanner implements Planner {
    private static final Logger log = LoggerFactory.getLogger(LlmPlanner.class);
    private static final int MAX_TOKENS = 400;

    private final LlmChat chat;
    private final Planner fallback;

    public LlmPlanner(LlmChat chat, Planner fallback) {
        this.chat = chat;
        this.fallback = fallback;
    }

    @Override
    public List<String> plan(String question, int breadth) {
        String prompt = "You plan web research. Break the research question below into " + breadth
                + " specific, self-contained sub-questions that together answer it. Answer with the sub-questions only,"
                + " one per line, without numbering.\n\nResearch question: " + question.strip();
        return ask(prompt, breadth, Set.of()).orElseGet(() -> fallback.plan(question, breadth));
    }

    @Override
    public List<String> reflect(String question, List<Coverage> coverage, Set<String> asked, int breadth) {
        String covered = coverage.stream()
                .map(c -> "- " + c.subQuestion() + (c.weak() ? " (little evidence found)" : " (well covered)"))
                .collect(Collectors.joining("\n"));
        String prompt = "You plan web research. The research question is: " + question.strip()
                + "\n\nSub-questions searched so far and how well the sources found answer them:\n" + covered
                + "\n\nWhat is still missing to answer the research question? Write up to " + breadth
                + " new sub-questions (rephrase the poorly covered ones, add what nobody asked yet). Answer with the"
                + " sub-questions only, one per line, without numbering.";
        return ask(prompt, breadth, asked).orElseGet(() -> fallback.reflect(question, coverage, asked, breadth));
    }

    @Override
    public String name() {
        return chat.modelId();
    }

    private java.util.Optional<List<String>> ask(String prompt, int breadth, Set<String> asked) {
        try {
            List<String> lines = parse(chat.complete(prompt, MAX_TOKENS), asked);
            if (lines.isEmpty()) {
                log.info("The planner model answered with no usable sub-question; using the heuristic planner");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(lines.subList(0, Math.min(breadth, lines.size())));
        } catch (LlmUnavailableException e) {
            log.info("The planner model is unavailable ({}); using the heuristic planner", e.getMessage());
            return java.util.Optional.empty();
        }
    }

    static List<String> parse(String answer, Set<String> asked) {
        Set<String> seen = new LinkedHashSet<>();
        for (String a : asked) seen.add(a.toLowerCase(Locale.ROOT));
        List<String> out = new ArrayList<>();
        for (String raw : answer.split("\\R")) {
            String line = raw.strip().replaceFirst("^(?:[-*•]|\\d+[.):]|Q\\d+[.:])\\s*", "").replace("**", "").strip();
            if (line.length() < 8 || line.length() > 300 || line.endsWith(":")) continue;
            if (seen.add(line.toLowerCase(Locale.ROOT))) out.add(line);
        }
        return out;
    }
}

package io.precis.inference.research;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The offline planner: the question itself, then question templates filled with its key phrases. Reflection
 * rephrases weakly covered sub-questions as keyword queries of their phrases and asks the templates not yet used.
 */
public final class HeuristicPlanner implements Planner {
    private static final List<String> TEMPLATES = List.of(
            "What is %s?",
            "What are the causes of %s?",
            "What are the effects of %s?",
            "Who are the main people and organisations involved in %s?",
            "What happened recently with %s?",
            "What numbers and statistics describe %s?",
            "What are the arguments for and against %s?",
            "What is the history of %s?");

    @Override
    public List<String> plan(String question, int breadth) {
        Set<String> out = new LinkedHashSet<>();
        out.add(clean(question));
        List<String> phrases = KeyPhrases.of(question);
        String topic = KeyPhrases.topic(question);
        for (String phrase : phrases) {
            if (out.size() >= breadth) break;
            if (!phrase.equalsIgnoreCase(topic)) out.add(String.format(TEMPLATES.get(0), phrase));
        }
        if (phrases.size() >= 2 && out.size() < breadth) {
            out.add("How does " + phrases.get(0) + " relate to " + phrases.get(1) + "?");
        }
        for (String template : TEMPLATES.subList(1, TEMPLATES.size())) {
            if (out.size() >= breadth) break;
            out.add(String.format(template, topic));
        }
        return new ArrayList<>(out).subList(0, Math.min(breadth, out.size()));
    }

    @Override
    public List<String> reflect(String question, List<Coverage> coverage, Set<String> asked, int breadth) {
        Set<String> seen = lower(asked);
        Set<String> out = new LinkedHashSet<>();
        for (Coverage c : coverage) {
            if (!c.weak()) continue;
            List<String> phrases = KeyPhrases.of(c.subQuestion());
            if (phrases.isEmpty()) continue;
            String keywords = String.join(" ", phrases);
            if (!seen.contains(keywords.toLowerCase(Locale.ROOT))) out.add(keywords);
        }
        String topic = KeyPhrases.topic(question);
        List<String> candidates = new ArrayList<>();
        for (String template : TEMPLATES) candidates.add(String.format(template, topic));
        for (String phrase : KeyPhrases.of(question)) {
            for (String template : TEMPLATES.subList(1, 3)) candidates.add(String.format(template, phrase));
        }
        for (String candidate : candidates) {
            if (out.size() >= breadth) break;
            if (!seen.contains(candidate.toLowerCase(Locale.ROOT))) out.add(candidate);
        }
        List<String> list = new ArrayList<>(out);
        return list.subList(0, Math.min(breadth, list.size()));
    }

    @Override
    public String name() {
        return "heuristic";
    }

    static String clean(String question) {
        String q = question.strip().replaceAll("\\s+", " ");
        return q.isEmpty() ? q : Character.toUpperCase(q.charAt(0)) + q.substring(1);
    }

    private static Set<String> lower(Set<String> texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : texts) out.add(t.toLowerCase(Locale.ROOT));
        return out;
    }
}

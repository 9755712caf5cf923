package io.precis.inference.research;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Key phrases of a question: maximal runs of content words (no stop words, no question words), longest first. */
final class KeyPhrases {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final int MAX_WORDS = 4;
    static final Set<String> STOP = Set.copyOf(java.util.Arrays.asList(("a an the and or but if of at by for with about against between into through "
            + "during before after above below to from up down in out on off over under again further then once here there "
            + "when where why how what which who whom whose this that these those am is are was were be been being have has "
            + "had having do does did doing can could should would will shall may might must i me my we our you your he him "
            + "his she her it its they them their as than too very so such no nor not only own same some any each few more "
            + "most other all both just also tell explain describe give list does did happen happened happens between "
            + "much many kind kinds way ways").split(" ")));

    private KeyPhrases() {
    }

    static List<String> of(String question) {
        List<List<String>> runs = new ArrayList<>();
        List<String> run = new ArrayList<>();
        Matcher m = WORD.matcher(question);
        while (m.find()) {
            String word = m.group();
            if (STOP.contains(word.toLowerCase(Locale.ROOT)) || word.length() < 2) {
                if (!run.isEmpty()) runs.add(run);
                run = new ArrayList<>();
            } else {
                run.add(word);
                if (run.size() == MAX_WORDS) {
                    runs.add(run);
                    run = new ArrayList<>();
                }
            }
        }
        if (!run.isEmpty()) runs.add(run);
        Set<String> phrases = new LinkedHashSet<>();
        runs.stream().sorted((a, b) -> b.size() - a.size()).forEach(r -> phrases.add(String.join(" ", r)));
        return new ArrayList<>(phrases);
    }

    /** All content words of the question, in order: the topic when it has no single dominant phrase. */
    static String topic(String question) {
        List<String> phrases = of(question);
        if (phrases.isEmpty()) return question.strip().replaceAll("[?!.]+$", "");
        List<String> inOrder = new ArrayList<>();
        Matcher m = WORD.matcher(question);
        while (m.find()) {
            String w = m.group();
            if (!STOP.contains(w.toLowerCase(Locale.ROOT)) && w.length() >= 2) inOrder.add(w);
        }
        return String.join(" ", inOrder.subList(0, Math.min(inOrder.size(), 6)));
    }
}

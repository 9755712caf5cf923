package io.precis.inference.llm;

import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns what the model wrote into summary sentences: small models add preambles, labels and markdown despite
 * the prompt, and an answer cut off at max_tokens ends in half a sentence.
 */
final class OutputText {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final Pattern PREAMBLE = Pattern.compile(
            "(?i)^(here is|here's|here are|sure|certainly|of course|okay|ok|below is|the following is)\\b.*summar.*");
    private static final Pattern LABEL = Pattern.compile(
            "(?i)^\\**(revised |combined |final )?summary( of [^:\\n]{1,40})?( in about \\d+ words)?\\s*:\\**\\s*");
    private static final Pattern INLINE_PREAMBLE = Pattern.compile(
            "(?i)^(here is|here's|below is|sure[,!.]? here is)[^:\\n]{0,80}summar[^:\\n]{0,60}:\\s*");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+\u2022]|\\d{1,3}[.)]|#{1,6})\\s+");
    private static final Pattern CLOSED_SENTENCE = Pattern.compile("[.!?\u2026][\"'\u201D\u2019)\\]]*(?=\\s|$)");

    private OutputText() {
    }

    /** The cleaned text; empty when nothing usable is left. */
    static String clean(String raw, boolean truncated) {
        String text = raw.strip();
        text = stripWrapping(text, "```");
        text = stripWrapping(text, "\"\"\"");
        List<String> lines = new ArrayList<>(List.of(text.split("\\R", -1)));
        dropPreamble(lines);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String l = LIST_MARKER.matcher(line).replaceFirst("").replace("**", "").replace("__", "").strip();
            if (out.length() == 0 && l.isEmpty()) {
                continue;
            }
            out.append(l).append('\n');
        }
        text = INLINE_PREAMBLE.matcher(out.toString().strip()).replaceFirst("");
        text = LABEL.matcher(text).replaceFirst("").strip();
        return truncated ? dropUnfinishedSentence(text) : text;
    }

    static List<String> sentences(String cleaned) {
        return SPLITTER.split(cleaned).stream().map(Sentence::text).toList();
    }

    private static String stripWrapping(String text, String fence) {
        if (text.startsWith(fence) && text.endsWith(fence) && text.length() >= 2 * fence.length()) {
            String inner = text.substring(fence.length(), text.length() - fence.length());
            // A code fence may name a language on its first line: ```text
            if (fence.equals("```") && !inner.isEmpty() && !Character.isWhitespace(inner.charAt(0))) {
                int lineEnd = inner.indexOf('\n');
                inner = lineEnd < 0 ? inner : inner.substring(lineEnd + 1);
            }
            return inner.strip();
        }
        return text;
    }

    /** "Here is a summary of the text:" or "Summary:" on a line of its own, when more text follows. */
    private static void dropPreamble(List<String> lines) {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first >= lines.size() - 1) {
            return;
        }
        String line = lines.get(first).strip();
        boolean introduces = line.endsWith(":") || PREAMBLE.matcher(line).matches();
        if (introduces && line.split("\\s+").length <= 15) {
            lines.subList(0, first + 1).clear();
        }
    }

    private static String dropUnfinishedSentence(String text) {
        var m = CLOSED_SENTENCE.matcher(text);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end > 0 ? text.substring(0, end) : text;
    }
}

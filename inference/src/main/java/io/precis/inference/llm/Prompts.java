package io.precis.inference.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The prompt templates in {@code prompts/*.txt}, with {@code {{words}}}, {@code {{text}}} and {@code {{summary}}}. */
final class Prompts {

    /** A template and the tokens it takes besides what is filled in. */
    record Template(String name, String text, int tokens) {

        String render(int words, String inputText) {
            return render(words, inputText, "");
        }

        String render(int words, String inputText, String summary) {
            // {{text}} last: the input may itself contain "{{summary}}" or "{{words}}".
            return text.replace("{{words}}", Integer.toString(words))
                    .replace("{{summary}}", summary)
                    .replace("{{text}}", inputText);
        }
    }

    final Template single = load("single");
    final Template map = load("map");
    final Template reduce = load("reduce");
    final Template refine = load("refine");

    private static Template load(String name) {
        String path = "/prompts/" + name + ".txt";
        try (InputStream in = Prompts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("prompt template " + path + " is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            String bare = text.replace("{{words}}", "").replace("{{text}}", "").replace("{{summary}}", "");
            return new Template(name, text, TokenBudget.estimate(bare) + 8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt template " + path, e);
        }
    }
}

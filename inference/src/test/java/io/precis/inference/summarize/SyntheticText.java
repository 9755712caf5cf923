package io.precis.inference.summarize;

import java.util.Random;

/** Reproducible text of a given length for size and timing tests: varied sentences in paragraphs. */
public final class SyntheticText {

    private static final String[] SUBJECTS = {"The council", "Residents", "The minister", "Engineers", "The company",
        "Local traders", "Scientists", "The committee", "Police", "The mayor", "Analysts", "Teachers"};
    private static final String[] VERBS = {"approved", "rejected", "reviewed", "announced", "questioned", "delayed",
        "funded", "inspected", "criticised", "welcomed", "published", "extended"};
    private static final String[] OBJECTS = {"the seawall project", "a new budget", "the harbour plan",
        "the school merger", "a report on flooding", "the ferry timetable", "plans for a bridge",
        "the water tariff", "a survey of shops", "the housing scheme", "the energy contract", "a safety review"};
    private static final String[] TAILS = {"on Tuesday", "after a long debate", "despite protests",
        "for the third time", "in a late vote", "with broad support", "at short notice", "before the winter",
        "amid rising costs", "following complaints", "in the city hall", "without explanation"};

    private SyntheticText() {
    }

    /** About {@code words} words (give or take a sentence), the same for the same seed. */
    public static String ofWords(int words, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        int count = 0;
        int sentence = 0;
        while (count < words) {
            if (sentence > 0) {
                out.append(sentence % 7 == 0 ? "\n\n" : " ");
            }
            String text = pick(random, SUBJECTS) + " " + pick(random, VERBS) + " " + pick(random, OBJECTS) + " "
                    + pick(random, TAILS) + ", item " + sentence + " of the record"
                    + (random.nextBoolean() ? ", said a spokesperson." : ".");
            out.append(text);
            count += text.split("\\s+").length;
            sentence++;
        }
        return out.toString();
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}

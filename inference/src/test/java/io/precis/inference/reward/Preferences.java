package io.precis.inference.reward;

import java.util.ArrayList;
import java.util.List;

import io.precis.inference.summarize.SyntheticText;
import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;

/**
 * Synthetic preferences with a known taste: the chosen summary is the document's lead; the rejected one is either
 * sentences from its end or the lead with a claim the document does not make.
 */
final class Preferences {
    private Preferences() {
    }

    static List<PreferencePair> synthetic(int count) {
        SentenceSplitter splitter = new SentenceSplitter();
        List<PreferencePair> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String document = SyntheticText.ofWords(220, 100 + i);
            List<String> sentences = splitter.split(document).stream().map(Sentence::text).map(String::strip).toList();
            String lead = String.join(" ", sentences.subList(0, 3));
            String rejected = i % 2 == 0
                    ? String.join(" ", sentences.subList(sentences.size() - 3, sentences.size()))
                    : lead + " Zorvath quintessa plumbed marvolian hyperdrives yesterday.";
            pairs.add(new PreferencePair(List.of(document), lead, rejected));
        }
        return pairs;
    }
}

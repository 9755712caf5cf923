package io.precis.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small news-like articles, different for every seed and run, with a known lead and a known tail. */
final class Articles {
    private static final String[] PLACES = {"Harbourton", "Millbrook", "Eastvale", "Northgate", "Riverside", "Kingsford"};
    private static final String[] TOPICS = {"a new tram line", "the flood barrier", "a school merger", "the water tariff",
            "a hospital wing", "the ferry timetable"};
    private static final String[] DETAILS = {"Work is due to start next spring and last two years.",
            "The budget was set at forty million pounds after a public consultation.",
            "Opponents said the plan ignored the needs of older residents.",
            "Officials promised monthly updates on progress and costs.",
            "Local businesses expect more visitors once the project is complete.",
            "A review of the contract will be published in the autumn.",
            "The regional authority will cover a third of the costs.",
            "Several councillors abstained in the final vote."};

    record Article(String text, String lead, String tail) {
    }

    private Articles() {
    }

    static Article of(int seed, String run) {
        Random random = new Random(seed);
        String place = PLACES[seed % PLACES.length];
        String topic = TOPICS[(seed / PLACES.length) % TOPICS.length];
        List<String> sentences = new ArrayList<>();
        sentences.add("The council of " + place + " approved " + topic + " on Tuesday in run " + run + ".");
        sentences.add("The decision followed " + (3 + seed % 5) + " months of debate about " + topic + ".");
        List<String> details = new ArrayList<>(List.of(DETAILS));
        java.util.Collections.shuffle(details, random);
        sentences.addAll(details.subList(0, 5));
        sentences.add("Residents of " + place + " can comment on the plans until the end of the month.");
        String text = String.join(" ", sentences);
        String lead = sentences.get(0) + " " + sentences.get(1);
        String tail = sentences.get(sentences.size() - 2) + " " + sentences.get(sentences.size() - 1)
                + " The mayor resigned over a secret lottery win.";
        return new Article(text, lead, tail);
    }
}

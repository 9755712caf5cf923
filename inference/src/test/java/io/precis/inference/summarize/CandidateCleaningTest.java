package io.precis.inference.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;
import io.precis.inference.text.Words;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Boilerplate, run-on sentences, priors and lexical centrality: how candidates are cleaned and shaped. */
class CandidateCleaningTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Scroll down for video", "By . Daily Mail Reporter .", "By JOHN SMITH", "PUBLISHED: 12:01 EST, 3 May 2015",
            "Click here to read the full story", "Follow us on Twitter", "Read more at https://example.com/a",
            "Last updated at 10:04 on 2 May", "Editor's note: this story was updated", "Share this article"})
    void recognisesPageFurniture(String sentence) {
        assertThat(Boilerplate.isBoilerplate(sentence, Words.count(sentence))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "By Tuesday the council had approved the seawall project and its budget.",
            "The minister said the published figures were wrong.",
            "Subscribers will pay more from June.",
            "Comments from residents were mostly positive."})
    void keepsContent(String sentence) {
        assertThat(Boilerplate.isBoilerplate(sentence, Words.count(sentence))).isFalse();
    }

    @Test
    void cutsCaptionsAndHeadingsThatRanIntoTheText() {
        String text = "Scroll down for video Strictly business: Julia covers the career supplement, which is featured"
                + " in the May issue of the magazine Short and sweet: Julia revealed that the haircut she wears in"
                + " the show was inspired by a candidate Ever since her husband was elected, her hair has been the"
                + " subject of scrutiny.";
        Sentence sentence = new SentenceSplitter().split(text).get(0);

        List<Sentence> pieces = RunOnSentences.split(text, sentence, Words.count(sentence.text()));

        assertThat(pieces).extracting(Sentence::text).containsExactly(
                "Strictly business: Julia covers the career supplement, which is featured in the May issue of the"
                        + " magazine",
                "Short and sweet: Julia revealed that the haircut she wears in the show was inspired by a candidate",
                "Ever since her husband was elected, her hair has been the subject of scrutiny.");
        for (Sentence piece : pieces) {
            assertThat(text.substring(piece.start(), piece.end())).isEqualTo(piece.text());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "It seemed like a powerful counterpoint to the perception of Donald Trump as intolerant: A hundred"
                    + " ministers and religious leaders would endorse him at his offices in Manhattan, vouching for"
                    + " his sensitivity.",
            "The report was written by the head of The Royal Society and presented to the committee of the"
                    + " House of Commons on a rainy Tuesday morning in the spring of last year, members said.",
            "The Great Escape: the story predates the break in 1944 that was immortalised in the film starring"
                    + " Steve McQueen and Richard Attenborough, and it is told here for the first time."})
    void leavesOrdinaryLongSentencesWhole(String text) {
        Sentence sentence = new Sentence(text, 0, text.length());

        assertThat(RunOnSentences.split(text, sentence, Words.count(text))).containsExactly(sentence);
    }

    @Test
    void shortSentencesAreNeverCut() {
        String text = "Flying high: Half of the kite took off Skilful: The kite weighs 200 kilograms.";
        Sentence sentence = new Sentence(text, 0, text.length());

        assertThat(RunOnSentences.split(text, sentence, Words.count(text))).containsExactly(sentence);
    }

    @Test
    void priorsFavourLeadsWholeSentencesAndModerateLengths() {
        assertThat(Priors.position(0, 0.75)).isEqualTo(1.0);
        assertThat(Priors.position(3, 0.75)).isLessThan(Priors.position(1, 0.75));
        assertThat(Priors.length(4, 8, 40)).isEqualTo(0.5);
        assertThat(Priors.length(20, 8, 40)).isEqualTo(1.0);
        assertThat(Priors.length(80, 8, 40)).isEqualTo(0.5);
        assertThat(Priors.hasTerminator("He said: \"It works.\"")).isTrue();
        assertThat(Priors.hasTerminator("Fighter ace: a story told in a film")).isFalse();
    }

    @Test
    void lexicalCentralityRewardsRecurringTerms() {
        LexicalCentrality counts = new LexicalCentrality();
        List<String> sentences = List.of("The seawall will be replaced.", "Seawalls protect the harbour.",
                "The harbour seawall is old.", "Bread prices rose.");
        sentences.forEach(s -> counts.add(LexicalCentrality.terms(s)));

        assertThat(LexicalCentrality.terms("The Seawalls of the harbour, and cities.")).containsExactlyInAnyOrder(
                "seawall", "harbour", "city");
        assertThat(counts.score(LexicalCentrality.terms(sentences.get(2))))
                .isGreaterThan(counts.score(LexicalCentrality.terms(sentences.get(3))));
        assertThat(counts.score(LexicalCentrality.terms("Bread prices rose."))).isZero();
    }
}

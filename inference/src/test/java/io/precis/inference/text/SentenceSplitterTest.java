package io.precis.inference.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> texts(String text) {
        List<Sentence> sentences = splitter.split(text);
        assertConsistentOffsets(text, sentences);
        return sentences.stream().map(Sentence::text).toList();
    }

    private static void assertConsistentOffsets(String text, List<Sentence> sentences) {
        int previousEnd = 0;
        for (Sentence sentence : sentences) {
            assertThat(sentence.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(text.substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
            assertThat(sentence.text()).isEqualTo(sentence.text().strip()).isNotEmpty();
            previousEnd = sentence.end();
        }
    }

    @Test
    void splitsOnTerminatorsWithExactOffsets() {
        String text = "Hello world. How are you? I am fine!";

        assertThat(splitter.split(text)).containsExactly(
                new Sentence("Hello world.", 0, 12),
                new Sentence("How are you?", 13, 25),
                new Sentence("I am fine!", 26, 36));
    }

    @Test
    void offsetsSkipSurroundingWhitespace() {
        String text = "  Hello there.   General Kenobi!  \n";

        assertThat(splitter.split(text)).containsExactly(
                new Sentence("Hello there.", 2, 14),
                new Sentence("General Kenobi!", 17, 32));
    }

    @Test
    void blankOrPunctuationOnlyTextHasNoSentences() {
        assertThat(splitter.split("")).isEmpty();
        assertThat(splitter.split("   \n\t \n")).isEmpty();
        assertThat(splitter.split("---\n***\n...")).isEmpty();
    }

    @Test
    void textWithoutTerminatorIsOneSentence() {
        assertThat(texts("just a few words without an ending")).containsExactly("just a few words without an ending");
    }

    @Test
    void titlesDoNotEndSentences() {
        assertThat(texts("Mr. Smith met Dr. Jones and Prof. Lee. Mrs. Brown stayed home."))
                .containsExactly("Mr. Smith met Dr. Jones and Prof. Lee.", "Mrs. Brown stayed home.");
    }

    @Test
    void dottedAbbreviationsEndASentenceOnlyBeforeATypicalOpener() {
        String text = "The U.S. economy grew. Growth was strongest in the U.S. The rest lagged. U.S. Army units left.";

        assertThat(texts(text))
                .containsExactly("The U.S. economy grew.", "Growth was strongest in the U.S.", "The rest lagged.",
                        "U.S. Army units left.");
    }

    @Test
    void exampleAbbreviationsContinueTheSentence() {
        assertThat(texts("Bring fruit, e.g. Apples or pears. Use a tool, i.e. a hammer. Then leave, etc. The end."))
                .containsExactly("Bring fruit, e.g. Apples or pears.", "Use a tool, i.e. a hammer.", "Then leave, etc.",
                        "The end.");
    }

    @Test
    void decimalsAndNumberedReferencesDoNotEndSentences() {
        assertThat(texts("The rate rose 3.5 percent to 1,234.56 euros. See Fig. 3 and p. 12 for details. No. 5 won."))
                .containsExactly("The rate rose 3.5 percent to 1,234.56 euros.", "See Fig. 3 and p. 12 for details.",
                        "No. 5 won.");
    }

    @Test
    void initialsDoNotEndSentences() {
        assertThat(texts("J. K. Rowling wrote books. George R. R. Martin did too. So did J.R.R. Tolkien."))
                .containsExactly("J. K. Rowling wrote books.", "George R. R. Martin did too.",
                        "So did J.R.R. Tolkien.");
    }

    @Test
    void aSingleLetterBeforeASentenceOpenerEndsTheSentence() {
        assertThat(texts("The best grade is an A. The worst is an F.")).containsExactly("The best grade is an A.",
                "The worst is an F.");
    }

    @Test
    void timesEndSentencesBeforeACapital() {
        assertThat(texts("We met at 9 a.m. Nobody was late. It ended at 5 p.m. sharp."))
                .containsExactly("We met at 9 a.m.", "Nobody was late.", "It ended at 5 p.m. sharp.");
    }

    @Test
    void ellipsesEndSentencesOnlyBeforeACapital() {
        assertThat(texts("Wait... What happened? Nothing\u2026 Really. And so... on it went."))
                .containsExactly("Wait...", "What happened?", "Nothing\u2026", "Really.", "And so... on it went.");
    }

    @Test
    void terminatorRunsStayTogether() {
        assertThat(texts("Really?! Yes!!! Why?? Because.")).containsExactly("Really?!", "Yes!!!", "Why??", "Because.");
    }

    @Test
    void closingQuotesAndBracketsBelongToTheSentence() {
        String text = "He said, \"Stop.\" Then he left. (This is an aside.) \u201CIs it?\u201D she asked. 'Yes.' Fine.";

        assertThat(texts(text)).containsExactly("He said, \"Stop.\"", "Then he left.", "(This is an aside.)",
                "\u201CIs it?\u201D she asked.", "'Yes.'", "Fine.");
    }

    @Test
    void exclamationInsideANameDoesNotSplitBeforeLowerCase() {
        assertThat(texts("Yahoo! announced results. Wow! iPhone sales rose.")).containsExactly(
                "Yahoo! announced results.", "Wow!", "iPhone sales rose.");
    }

    @Test
    void urlsAndEmailAddressesStayWhole() {
        assertThat(texts("Visit example.com today. Mail a.b@example.org. It works."))
                .containsExactly("Visit example.com today.", "Mail a.b@example.org.", "It works.");
    }

    @Test
    void lineBreaksAndBlankLinesAreBoundaries() {
        String text = "Harbour Town Votes\nThe council voted. It passed 19 to 4\n\nA new paragraph starts here";

        assertThat(texts(text)).containsExactly("Harbour Town Votes", "The council voted.", "It passed 19 to 4",
                "A new paragraph starts here");
    }

    @Test
    void hardWrappedSentenceIsJoinedWithExactOffsets() {
        // Joined where the next line starts in lower case or the previous one ends with a comma.
        String text = "We visited the harbour\nand the market, then Paris,\nLondon and Rome. Next one.";

        assertThat(splitter.split(text)).containsExactly(
                new Sentence("We visited the harbour\nand the market, then Paris,\nLondon and Rome.", 0, 67),
                new Sentence("Next one.", 68, 77));
    }

    @Test
    void windowsLineEndings() {
        assertThat(splitter.split("One.\r\nTwo\r\n\r\nThree.")).containsExactly(
                new Sentence("One.", 0, 4), new Sentence("Two", 6, 9), new Sentence("Three.", 13, 19));
    }

    @Test
    void bulletAndNumberedItemsAreSentencesWithoutTheirMarkers() {
        String text = "Shopping list:\n- eggs\n- milk and bread\n  * cheese\n1. First step\n2) Second step\n"
                + "\u2022 dot item\n(iv) roman item\nb) letter item\n## Heading";

        assertThat(texts(text)).containsExactly("Shopping list:", "eggs", "milk and bread", "cheese", "First step",
                "Second step", "dot item", "roman item", "letter item", "Heading");
        assertThat(splitter.split(text).get(1)).isEqualTo(new Sentence("eggs", 17, 21));
    }

    @Test
    void bulletItemMayHoldSeveralSentencesAndWrap() {
        String text = "- First point. It has two sentences.\n  and a wrapped tail.\n- Second point.";

        assertThat(texts(text)).containsExactly("First point.", "It has two sentences.\n  and a wrapped tail.",
                "Second point.");
    }

    @Test
    void notListMarkers() {
        assertThat(texts("-5 degrees is cold.\nA. Smith said so.\n2024 was warm.")).containsExactly(
                "-5 degrees is cold.", "A. Smith said so.", "2024 was warm.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Ends with an abbreviation etc.",
            "Mr.",
            "... leading ellipsis. Then more.",
            "Unicode\u00A0spaces.\u2003And more.\u2028Line separator",
            "Trailing closers.)]}\"' Next",
            "\"\"\" ((( !!! ??? )))",
            "a.b.c.d. e. f. G. H."})
    void oddInputsKeepOffsetsConsistent(String text) {
        assertConsistentOffsets(text, splitter.split(text));
    }

    @Test
    void articleSplitsIntoPlausibleSentences() throws IOException {
        String article;
        try (InputStream in = getClass().getResourceAsStream("/harbour-article.txt")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        List<Sentence> sentences = splitter.split(article);

        assertConsistentOffsets(article, sentences);
        assertThat(sentences).hasSizeBetween(45, 60);
        assertThat(sentences.get(0).text()).isEqualTo("Harbour Town Votes to Replace Its Century-Old Seawall");
        assertThat(sentences).extracting(Sentence::text)
                .contains("Dr. Samuel Okafor, the coastal engineer who led the design team, said the stepped face was"
                        + " the most important change.")
                .contains("\"We are building a bigger bathtub and hoping the sea stays polite,\" he said.");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> splitter.split(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void sentenceRejectsOffsetsThatDoNotMatchItsText() {
        assertThatThrownBy(() -> new Sentence("abc", 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sentence("abc", -1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}

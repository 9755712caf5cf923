package io.precis.inference.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputTextTest {

    @Test
    void leavesPlainProseAlone() {
        String text = "The council voted. The wall will be higher.";
        assertThat(OutputText.clean("  " + text + "\n", false)).isEqualTo(text);
    }

    @Test
    void dropsAPreambleLine() {
        assertThat(OutputText.clean("Here is a summary of the text in about 50 words:\n\nThe council voted.", false))
                .isEqualTo("The council voted.");
        assertThat(OutputText.clean("Sure! Here's a concise summary\nThe council voted.", false))
                .isEqualTo("The council voted.");
    }

    @Test
    void keepsAFirstLineThatIsPartOfTheSummary() {
        assertThat(OutputText.clean("Certainly the vote was close.\nThe council voted.", false))
                .isEqualTo("Certainly the vote was close.\nThe council voted.");
    }

    @Test
    void dropsAnInlinePreambleOrLabel() {
        assertThat(OutputText.clean("Here is a summary: The council voted.", false)).isEqualTo("The council voted.");
        assertThat(OutputText.clean("**Summary:** The council voted.", false)).isEqualTo("The council voted.");
        assertThat(OutputText.clean("Revised summary in about 80 words: The council voted.", false))
                .isEqualTo("The council voted.");
    }

    @Test
    void stripsMarkdownListsHeadingsAndEmphasis() {
        assertThat(OutputText.clean("# Summary of events\n- The **council** voted.\n2. The wall rises.", false))
                .isEqualTo("Summary of events\nThe council voted.\nThe wall rises.");
    }

    @Test
    void unwrapsFencesAndQuotes() {
        assertThat(OutputText.clean("```text\nThe council voted.\n```", false)).isEqualTo("The council voted.");
        assertThat(OutputText.clean("\"\"\"\nThe council voted.\n\"\"\"", false)).isEqualTo("The council voted.");
    }

    @Test
    void dropsTheUnfinishedSentenceOfATruncatedAnswer() {
        assertThat(OutputText.clean("The council voted. The mayor said \"yes.\" The wall will be", true))
                .isEqualTo("The council voted. The mayor said \"yes.\"");
        assertThat(OutputText.clean("The wall will be", true)).as("nothing better to keep").isEqualTo("The wall will be");
        assertThat(OutputText.clean("The wall will be", false)).isEqualTo("The wall will be");
    }

    @Test
    void splitsIntoSentences() {
        assertThat(OutputText.sentences("Mr. Okafor led the team. It worked!\nWell done"))
                .containsExactly("Mr. Okafor led the team.", "It worked!", "Well done");
    }
}

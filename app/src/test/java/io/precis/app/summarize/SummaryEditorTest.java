package io.precis.app.summarize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.precis.admin.feedback.PreferencePairs;

/** What the summary editor refuses before anything is stored, and why. */
class SummaryEditorTest {
    private static final String ORIGINAL = "The council approved the plan. Work starts in spring.";

    @Test
    void refusesAnEmptyAnUnchangedAndAnOverlongEdit() {
        assertThat(SummaryEditor.problemWith(ORIGINAL, " \n ")).hasValueSatisfying(m -> assertThat(m).contains("empty"));
        assertThat(SummaryEditor.problemWith(ORIGINAL, "  The council approved the plan.\nWork starts in spring. "))
                .hasValueSatisfying(m -> assertThat(m).contains("unchanged"));
        String overlong = "x".repeat(PreferencePairs.MAX_TEXT + 1);
        assertThat(SummaryEditor.problemWith(ORIGINAL, overlong))
                .hasValueSatisfying(m -> assertThat(m).contains(String.valueOf(overlong.length())).contains("at most"));
    }

    @Test
    void acceptsAChangedEdit() {
        assertThat(SummaryEditor.problemWith(ORIGINAL, "The council approved the plan.")).isEmpty();
    }
}

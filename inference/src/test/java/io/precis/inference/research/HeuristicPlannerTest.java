package io.precis.inference.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HeuristicPlannerTest {
    final HeuristicPlanner planner = new HeuristicPlanner();

    @Test
    void firstRoundStartsWithTheQuestionAndUsesItsKeyPhrases() {
        List<String> plan = planner.plan("How did the drought affect wheat prices in Kenya?", 4);
        assertThat(plan).hasSize(4).doesNotHaveDuplicates();
        assertThat(plan.get(0)).isEqualTo("How did the drought affect wheat prices in Kenya?");
        assertThat(String.join(" ", plan.subList(1, 4))).contains("wheat prices").contains("Kenya");
    }

    @Test
    void breadthBoundsTheRound() {
        assertThat(planner.plan("What does a harbour authority do?", 1)).containsExactly("What does a harbour authority do?");
        assertThat(planner.plan("What does a harbour authority do?", 6)).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void reflectionRephrasesWeakSubQuestionsAndNeverRepeats() {
        String q = "Why are honeybee colonies collapsing?";
        List<String> first = planner.plan(q, 3);
        List<Coverage> coverage = List.of(new Coverage(first.get(0), 0.8), new Coverage(first.get(1), 0.1),
                new Coverage(first.get(2), 0.7));
        Set<String> asked = new LinkedHashSet<>(first);
        List<String> next = planner.reflect(q, coverage, asked, 3);
        assertThat(next).hasSize(3).doesNotContainAnyElementsOf(first);
        assertThat(next.get(0)).as("the weak sub-question, as keywords").isEqualTo(String.join(" ", KeyPhrases.of(first.get(1))));
        asked.addAll(next);
        assertThat(planner.reflect(q, coverage, asked, 3)).doesNotContainAnyElementsOf(asked);
    }

    @Test
    void keyPhrasesDropStopAndQuestionWords() {
        assertThat(KeyPhrases.of("What is the impact of interest rates on housing markets?"))
                .containsExactly("interest rates", "housing markets", "impact");
    }
}

package io.precis.inference.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.precis.inference.research.Coverage;
import io.precis.inference.research.HeuristicPlanner;
import io.precis.inference.research.LlmPlanner;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The research planner against a local server that speaks the OpenAI protocol. */
class LlmPlannerTest {

    @Test
    void plansFromTheModelsLinesAndReflectsWithCoverage() throws Exception {
        try (FakeChatServer server = new FakeChatServer()) {
            server.then(FakeChatServer.completion("1. What is a harbour authority?\n2. Who funds harbour authorities?\n"
                            + "- How are harbour fees set?\n"),
                    FakeChatServer.completion("Which laws govern harbour pilots?\nWho funds harbour authorities?"));
            LlmPlanner planner = new LlmPlanner(new LlmChat(LlmConfig.of(server.baseUrl(), "test-model")), new HeuristicPlanner());
            List<String> plan = planner.plan("What does a harbour authority do?", 3);
            assertThat(plan).containsExactly("What is a harbour authority?", "Who funds harbour authorities?",
                    "How are harbour fees set?");
            assertThat(server.requests().get(0).prompt()).contains("3 specific").contains("What does a harbour authority do?");
            List<String> next = planner.reflect("What does a harbour authority do?",
                    List.of(new Coverage("Who funds harbour authorities?", 0.1)), Set.copyOf(plan), 3);
            assertThat(next).containsExactly("Which laws govern harbour pilots?");
            assertThat(server.requests().get(1).prompt()).contains("Who funds harbour authorities? (little evidence found)");
        }
    }

    @Test
    void fallsBackToTheHeuristicPlannerWhenTheModelFails() throws Exception {
        try (FakeChatServer server = new FakeChatServer()) {
            server.otherwise(FakeChatServer.json(400, "{\"error\":{\"message\":\"bad request\"}}"));
            LlmPlanner planner = new LlmPlanner(new LlmChat(LlmConfig.of(server.baseUrl(), "test-model")), new HeuristicPlanner());
            assertThat(planner.plan("What does a harbour authority do?", 2))
                    .isEqualTo(new HeuristicPlanner().plan("What does a harbour authority do?", 2));
        }
    }
}

package io.precis.app.research;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.precis.app.summarize.LlmProperties;
import io.precis.inference.embed.Embedder;
import io.precis.inference.llm.LlmChat;
import io.precis.inference.llm.LlmConfig;
import io.precis.inference.research.ExtractiveReportWriter;
import io.precis.inference.research.HeuristicPlanner;
import io.precis.inference.research.LlmPlanner;
import io.precis.inference.research.Planner;
import io.precis.inference.research.SourceSupportCheck;

/** The planner (the LLM's when {@code VLLM_URL} is set, falling back to the heuristic one) and the report writer. */
@Configuration
class ResearchConfig {
    private static final Logger log = LoggerFactory.getLogger(ResearchConfig.class);

    @Bean
    Planner researchPlanner(LlmProperties llm) {
        Planner heuristic = new HeuristicPlanner();
        if (!llm.enabled() || llm.modelId() == null || llm.modelId().isBlank()) return heuristic;
        log.info("Research plans come from {} at {}, falling back to the heuristic planner", llm.modelId(), llm.url());
        LlmConfig config = LlmConfig.of(llm.url(), llm.modelId()).withApiKey(llm.apiKey()).withTimeout(llm.timeout());
        return new LlmPlanner(new LlmChat(config), heuristic);
    }

    @Bean(destroyMethod = "close")
    SourceSupportCheck sourceSupportCheck() {
        return new SourceSupportCheck();
    }

    @Bean
    ExtractiveReportWriter reportWriter(Embedder embedder, SourceSupportCheck check, ResearchProperties props) {
        return new ExtractiveReportWriter(embedder, check, props.sentencesPerSection(), props.supportThreshold());
    }
}

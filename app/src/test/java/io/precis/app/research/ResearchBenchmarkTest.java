package io.precis.app.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.precis.app.library.LibraryService;
import io.precis.app.library.Viewer;
import io.precis.app.support.PrecisIntegrationTest;

/**
 * The research benchmark (docs/benchmarks.md), run on demand with a JSONL file of news articles
 * ({@code {"documents":["article text"]}} per line):
 * <pre>
 * ./precis test -pl app -am -Dtest=ResearchBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dprecis.bench=true -Dprecis.bench.articles=FILE.jsonl
 * </pre>
 * Embedded backend (heuristic planner, extractive writer, MiniLM), the articles in one Library collection, depth 2,
 * breadth 3, the Library as search provider; a few questions, each timed from submission to the finished report, with
 * the time of every step. Results go to {@code target/research-bench/results.json}.
 */
@PrecisIntegrationTest
@EnabledIfSystemProperty(named = "precis.bench", matches = "true")
class ResearchBenchmarkTest {
    static final List<String> QUESTIONS = List.of(
            "How is the fight against ISIS going in Iraq and Syria?",
            "What is known about the Ebola outbreak and its treatment?",
            "Which football managers were appointed or sacked this season?");
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    LibraryService library;
    @Autowired
    ResearchService research;

    @Test
    void depthTwoBreadthThreeOnTwoHundredFiftyArticles() throws Exception {
        Path file = Path.of(System.getProperty("precis.bench.articles", "missing.jsonl"));
        Viewer owner = new Viewer("bench-research", false);
        String collection = "bench-news-250";
        long loadStarted = System.nanoTime();
        int articles = 0;
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || articles >= 250) continue;
            String text = JSON.readTree(line).path("documents").path(0).asText();
            if (text.isBlank()) continue;
            library.ingestNow(owner, null, text, collection); // a duplicate from an earlier run is returned as is
            articles++;
        }
        long loadMillis = (System.nanoTime() - loadStarted) / 1_000_000;
        List<Map<String, Object>> runs = new ArrayList<>();
        for (String question : QUESTIONS) {
            long started = System.nanoTime();
            ResearchJob job = research.submit(owner, new ResearchRequest(question, 2, 3, collection, null, "library"));
            ResearchJob end = job;
            while (!end.finished()) {
                Thread.sleep(20);
                end = research.find(job.id(), owner).orElseThrow();
            }
            long totalMillis = (System.nanoTime() - started) / 1_000_000;
            ResearchService.Details details = research.details(job.id(), owner);
            assertThat(end.status()).as(end.reason()).isEqualTo(ResearchJob.DONE);
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("question", question);
            run.put("totalMillis", totalMillis);
            run.put("queuedMillis", java.time.Duration.between(end.createdAt(), end.startedAt()).toMillis());
            run.put("stepMillis", details.stepMillis());
            run.put("sources", details.sources().size());
            run.put("sections", end.report().sections().size());
            run.put("citedSentences", end.report().citedSentences());
            run.put("unsupported", end.report().unsupported());
            runs.add(run);
            System.out.println("research bench: " + JSON.writeValueAsString(run));
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("articles", articles);
        results.put("loadMillis", loadMillis);
        results.put("runs", runs);
        Path out = Path.of("target/research-bench/results.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        assertThat(articles).isEqualTo(250);
    }

}

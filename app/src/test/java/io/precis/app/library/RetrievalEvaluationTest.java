package io.precis.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.precis.app.support.PrecisIntegrationTest;

/** {@code ./precis eval-retrieval} on a small bundled file; the full news file with {@code -Dprecis.eval.data=FILE}. */
@PrecisIntegrationTest
class RetrievalEvaluationTest {
    @Autowired
    RetrievalEvaluation evaluation;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reportsHitRatesAndMrrPerModeAndCleansUp() throws Exception {
        Path data = Path.of(getClass().getResource("/library/retrieval-eval-sample.jsonl").toURI());
        Path out = Files.createTempDirectory("eval-retrieval");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RetrievalEvaluation.Report report = evaluation.run(data, out, null, false, new PrintStream(console, true, StandardCharsets.UTF_8));
        assertThat(report.examples()).isEqualTo(6);
        assertThat(report.queries()).isEqualTo(6);
        assertThat(report.modes()).containsOnlyKeys("vector", "text", "hybrid");
        assertThat(report.modes().get("hybrid").hitAt1()).isEqualTo(1.0);
        assertThat(report.modes().get("hybrid").mrr()).isEqualTo(1.0);
        assertThat(report.modes().get("vector").hitAt5()).isEqualTo(1.0);
        String json = Files.readString(out.resolve("report.json"));
        assertThat(json).contains("\"hitAt1\"", "\"hitAt5\"", "\"mrr\"", "\"hybrid\"");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("mode", "hit@1", "hybrid");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM documents WHERE collection = ?", Integer.class, report.collection())).isZero();
    }

    /** The target: {@code -Dprecis.eval.data=../../shared/data/eval/news-cnndm-dev.jsonl}. */
    @Test
    @EnabledIfSystemProperty(named = "precis.eval.data", matches = ".+")
    void newsFile() throws Exception {
        Path data = Path.of(System.getProperty("precis.eval.data"));
        RetrievalEvaluation.Report report = evaluation.run(data, Path.of("target/eval-retrieval"), null, false, System.out);
        RetrievalEvaluation.Scores hybrid = report.modes().get("hybrid");
        assertThat(hybrid.hitAt1()).isGreaterThanOrEqualTo(0.95);
        double bestAlone = Math.max(report.modes().get("vector").hitAt1(), report.modes().get("text").hitAt1());
        assertThat(hybrid.hitAt1()).as("hybrid at least as good as the better of vector and text alone").isGreaterThanOrEqualTo(bestAlone);
    }
}

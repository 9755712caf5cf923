package io.precis.inference.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCliTest {

    private static final List<String> REQUIRED_KEYS = List.of("n", "rouge1", "rouge2", "rougeL", "rougeLsum",
            "bertscoreF1", "factuality", "latencyMsP50", "latencyMsP95");

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = EvalCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, EvalTestData.bundledText(name));
        return file;
    }

    @Test
    void summarisesAndScoresThreeExamplesEndToEnd() throws IOException {
        Path data = fixture("eval-3.jsonl");
        Path out = dir.resolve("report");
        Run run = run("--data", data.toString(), "--out", out.toString(), "--mode", "auto");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).contains("\r").contains("3/3").contains("100%").contains("ETA");
        assertThat(run.out()).contains("ROUGE-1").contains("report.json");

        JsonNode report = EvalFiles.JSON.readTree(out.resolve("report.json").toFile());
        for (String key : REQUIRED_KEYS) {
            assertThat(report.has(key)).as(key).isTrue();
        }
        assertThat(report.get("n").asInt()).isEqualTo(3);
        for (String key : List.of("rouge1", "rouge2", "rougeL", "rougeLsum")) {
            assertThat(report.get(key).asDouble()).as(key).isBetween(1.0, 100.0);
        }
        assertThat(report.get("rouge1").asDouble()).isGreaterThan(report.get("rouge2").asDouble());
        assertThat(report.get("bertscoreF1").asDouble()).isBetween(0.3, 1.0);
        // Extractive summaries copy source sentences, so the source supports them well.
        assertThat(report.get("factuality").asDouble()).isBetween(0.6, 1.0);
        assertThat(report.get("latencyMsP50").asDouble()).isPositive();
        assertThat(report.get("latencyMsP95").asDouble()).isGreaterThanOrEqualTo(report.get("latencyMsP50").asDouble());
        assertThat(report.get("examplesPerSecond").asDouble()).isPositive();
        assertThat(report.get("backend").asText()).isEqualTo("embedded");
        assertThat(report.get("mode").asText()).isEqualTo("auto");
        assertThat(report.get("dataset").asText()).isEqualTo(data.toString());
        assertThat(report.get("timestamp").asText()).isNotBlank();
        assertThat(report.path("summarizer").path("name").asText()).isNotBlank();
        assertThat(report.path("bertscoreConfig").path("model").asText()).contains("all-MiniLM-L6-v2");
        assertThat(report.path("bertscoreConfig").path("layer").asText()).isEqualTo("layer 6 (last_hidden_state)");
        assertThat(report.path("factualityConfig").path("name").asText()).contains("source-support");
        assertThat(report.path("rougeConfig").path("multiReference").asText()).startsWith("1 examples");

        List<String> examples = Files.readAllLines(out.resolve("examples.jsonl"));
        assertThat(examples).hasSize(3);
        assertThat(EvalFiles.JSON.readTree(examples.get(2)).get("id").asText()).isEqualTo("dialogue-3");

        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("</svg>")
                .contains("harbour-1").contains("library-2").contains("dialogue-3").doesNotContain("<script");
    }

    @Test
    void scoresGivenPredictionsInsteadOfGenerating() throws IOException {
        Path data = fixture("eval-3.jsonl");
        Path predictions = fixture("eval-3-predictions.jsonl");
        Path out = dir.resolve("predicted");
        Run run = run("--data", data.toString(), "--out", out.toString(), "--predictions", predictions.toString(),
                "--idf");
        assertThat(run.status()).as(run.err()).isZero();

        JsonNode report = EvalFiles.JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.get("n").asInt()).isEqualTo(3);
        assertThat(report.get("backend").asText()).isEqualTo("predictions");
        assertThat(report.get("latencyMsP50").isNull()).isTrue();
        assertThat(report.path("bertscoreConfig").path("idf").asText()).startsWith("idf from the 4 references");

        List<JsonNode> examples = Files.readAllLines(out.resolve("examples.jsonl")).stream().map(line -> {
            try {
                return EvalFiles.JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        // The first prediction is its reference: ROUGE 100, BERTScore 1.
        assertThat(examples.get(0).get("rouge1").asDouble()).isEqualTo(100.0);
        assertThat(examples.get(0).get("rougeLsum").asDouble()).isEqualTo(100.0);
        assertThat(examples.get(0).get("bertscoreF1").asDouble()).isGreaterThan(0.999);
        // The second invents a number and a name.
        assertThat(examples.get(1).get("wordsNotInSource").toString()).contains("5,000").contains("Miller");
        assertThat(examples.get(1).get("factuality").asDouble()).isBetween(0.0, 0.9);
        assertThat(examples.get(1).get("summary").asText()).contains("\n"); // one sentence a line for ROUGE-Lsum
    }

    @Test
    void malformedDataFileNamesTheLine() throws IOException {
        Path data = dir.resolve("bad.jsonl");
        Files.writeString(data, EvalTestData.bundledText("eval-3.jsonl").lines().findFirst().orElseThrow()
                + "\n\n{\"id\": \"x\", \"documents\": [\"text\"], \"reference\": \"r\"\n");
        Run run = run("--data", data.toString(), "--out", dir.resolve("o").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains(data + ":3:").contains("not valid JSON");
        assertThat(Files.exists(dir.resolve("o").resolve("report.json"))).isFalse();
    }

    @Test
    void missingFieldNamesTheLine() throws IOException {
        Path data = dir.resolve("missing.jsonl");
        Files.writeString(data, "{\"id\": \"a\", \"documents\": [\"Some text.\"], \"reference\": \"r\"}\n"
                + "{\"id\": \"b\", \"documents\": [\"Other text.\"]}\n");
        Run run = run("--data", data.toString(), "--out", dir.resolve("o").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains(data + ":2:").contains("\"reference\"");
    }

    @Test
    void unknownPredictionIdsAreReported() throws IOException {
        Path data = fixture("eval-3.jsonl");
        Path predictions = dir.resolve("preds.jsonl");
        Files.writeString(predictions, EvalTestData.bundledText("eval-3-predictions.jsonl")
                + "{\"id\": \"no-such-example\", \"summary\": \"Hello.\"}\n");
        Run run = run("--data", data.toString(), "--out", dir.resolve("o").toString(), "--predictions",
                predictions.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("1 id(s) not in").contains("\"no-such-example\" (line 4)");
    }

    @Test
    void missingPredictionsAreReported() throws IOException {
        Path data = fixture("eval-3.jsonl");
        Path predictions = dir.resolve("preds.jsonl");
        Files.writeString(predictions, EvalTestData.bundledText("eval-3-predictions.jsonl").lines().findFirst()
                .orElseThrow() + "\n");
        Run run = run("--data", data.toString(), "--out", dir.resolve("o").toString(), "--predictions",
                predictions.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("no prediction for 2 example(s)").contains("\"library-2\" (line 2)");
    }

    @Test
    void badPredictionLineNamesTheLine() throws IOException {
        Path data = fixture("eval-3.jsonl");
        Path predictions = dir.resolve("preds.jsonl");
        Files.writeString(predictions, "{\"id\": \"harbour-1\", \"summary\": \"ok\"}\n{\"id\": \"library-2\"}\n");
        Run run = run("--data", data.toString(), "--out", dir.resolve("o").toString(), "--predictions",
                predictions.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains(predictions + ":2:").contains("\"summary\"");
    }

    @Test
    void unknownFlagsPrintUsage() {
        Run run = run("--data", "x.jsonl", "--out", "o", "--frobnicate");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option --frobnicate").contains("Usage: ./precis eval");
        Run badMode = run("--data", "x.jsonl", "--out", "o", "--mode", "sideways");
        assertThat(badMode.status()).isEqualTo(2);
        assertThat(badMode.err()).contains("mode must be one of");
        Run noOut = run("--data", "x.jsonl");
        assertThat(noOut.status()).isEqualTo(2);
        assertThat(noOut.err()).contains("missing --out");
        Run help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("--predictions");
    }

    @Test
    void llmBackendWithoutAnEndpointIsAClearError() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("VLLM_URL") == null || System.getenv("MODEL_ID") == null);
        Run run = run("--data", fixture("eval-3.jsonl").toString(), "--out", dir.resolve("o").toString(),
                "--backend", "llm");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("--backend llm needs").contains("VLLM_URL").contains("MODEL_ID");
    }

    @Test
    void missingDataFileIsAClearError() {
        Run run = run("--data", dir.resolve("nope.jsonl").toString(), "--out", dir.resolve("o").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("nope.jsonl: no such file");
    }

    @Test
    void limitReadsOnlyTheFirstExamples() throws IOException {
        List<EvalExample> examples = EvalFiles.readExamples(fixture("eval-3.jsonl"), 2);
        assertThat(examples).extracting(EvalExample::id).containsExactly("harbour-1", "library-2");
        assertThat(examples.get(1).documents()).hasSize(2);
        EvalExample dialogue = EvalFiles.readExamples(dir.resolve("eval-3.jsonl"), 0).get(2);
        assertThat(dialogue.references()).hasSize(2);
        assertThat(dialogue.line()).isEqualTo(3);
    }

    @Test
    void progressBarShowsCountPercentAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressBar bar = new ProgressBar(out, "score", 4);
        bar.step();
        String line = bar.line(System.nanoTime());
        assertThat(line).contains("1/4").contains("25%").contains("ETA ");
        bar.step();
        bar.step();
        bar.step();
        bar.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\r").contains("4/4 100%").endsWith("\n");
        assertThat(ProgressBar.clock(3725)).isEqualTo("1:02:05");
    }
}

package io.precis.app.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.precis.app.cli.CliOptions;

/**
 * {@code ./precis eval-retrieval --data FILE.jsonl [--out DIR] [--limit N] [--keep]}: the app started without a web
 * server runs {@link RetrievalEvaluation} once against the configured database, prints the table, writes
 * {@code DIR/report.json} and exits.
 */
@Component
@ConditionalOnProperty(name = "precis.cli.command", havingValue = "eval-retrieval")
class RetrievalEvalCommand implements ApplicationRunner, ExitCodeGenerator {
    static final String USAGE = "usage: ./precis eval-retrieval --data FILE.jsonl [--out DIR] [--limit N] [--keep]";
    private final RetrievalEvaluation evaluation;
    private int exitCode;

    RetrievalEvalCommand(RetrievalEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> raw = Arrays.asList(args.getSourceArgs());
        String data = CliOptions.option(raw, "--data");
        String out = CliOptions.option(raw, "--out");
        String limit = CliOptions.option(raw, "--limit");
        if (data == null) {
            System.err.println(USAGE);
            exitCode = 2;
            return;
        }
        Path file = Path.of(data);
        if (!Files.isReadable(file)) {
            System.err.println("precis: cannot read " + file);
            exitCode = 2;
            return;
        }
        try {
            evaluation.run(file, out == null ? null : Path.of(out), limit == null ? null : Integer.parseInt(limit),
                    raw.contains("--keep"), System.out);
        } catch (NumberFormatException e) {
            System.err.println("precis: --limit needs a number");
            exitCode = 2;
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("precis: " + e.getMessage());
            exitCode = 2;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}

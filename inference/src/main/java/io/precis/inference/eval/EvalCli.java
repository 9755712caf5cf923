package io.precis.inference.eval;

import io.precis.inference.summarize.Length;
import io.precis.inference.summarize.LengthTarget;
import io.precis.inference.summarize.Mode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./precis eval}: offline evaluation from the command line (no database, no server).
 *
 * <pre>
 * eval --data FILE.jsonl --out DIR [--backend embedded|llm] [--mode auto|single|map-reduce|refine]
 *      [--length auto|short|medium|long|WORDS] [--limit N] [--predictions FILE.jsonl] [--idf]
 * eval factuality-validate [--data DIR] [--out DIR] [--limit N]
 * </pre>
 *
 * Exit status: 0 done, 1 bad input or a failure while running, 2 bad usage.
 */
public final class EvalCli {

    static final String USAGE = """
            Usage: ./precis eval --data FILE.jsonl --out DIR [options]
                   ./precis eval factuality-validate [--data DIR] [--out DIR] [--limit N]

            Summarise every example of FILE.jsonl (or score --predictions), then write DIR/report.json,
            DIR/examples.jsonl and DIR/report.html: ROUGE-1/2/L/Lsum (F1 x 100, rouge-score semantics),
            BERTScore F1 (all-MiniLM-L6-v2, layer 6) against the references, and the source-support
            factuality score against the documents. Offline: no database, no server.

              --data FILE.jsonl      {"id", "documents": [...], "reference"} (or "references": [...]) per line
              --out DIR              where the reports go (created if missing)
              --backend B            embedded (default) or llm (needs VLLM_URL and MODEL_ID)
              --mode M               auto (default), single, map-reduce or refine
              --length L             auto, short, medium, long or a number of words (default: %s)
              --limit N              only the first N examples
              --predictions FILE     JSONL {"id", "summary"}: score these summaries instead of generating
              --idf                  weigh BERTScore tokens by idf computed from the references

            factuality-validate: Spearman correlation of the source-support score, ROUGE and BERTScore with
            FRANK's human factuality judgments.
              --data DIR             folder with factuality-frank-*.jsonl (default: ../shared/data/eval)
              --out DIR              where factuality-validation.json goes (default: target/factuality-validation)
              --limit N              only the first N judged summaries
            """;

    private static final Set<String> EVAL_VALUE_FLAGS =
            Set.of("--data", "--out", "--backend", "--mode", "--length", "--limit", "--predictions");
    private static final Set<String> EVAL_SWITCHES = Set.of("--idf");
    private static final Set<String> VALIDATE_VALUE_FLAGS = Set.of("--data", "--out", "--limit");

    private EvalCli() {
    }

    public static void main(String[] args) {
        // No logging backend on this classpath: keep SLF4J's "no providers" notice off the console.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        int status = run(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> list = Arrays.asList(args);
        if (list.contains("-h") || list.contains("--help") || list.contains("help")) {
            out.print(usage());
            return 0;
        }
        try {
            if (!list.isEmpty() && list.get(0).equals("factuality-validate")) {
                return validate(parse(list.subList(1, list.size()), VALIDATE_VALUE_FLAGS, Set.of()), out, err,
                        String.join(" ", args));
            }
            return evaluate(parse(list, EVAL_VALUE_FLAGS, EVAL_SWITCHES), out, err);
        } catch (UsageException e) {
            err.println("precis eval: " + e.getMessage());
            err.print(usage());
            return 2;
        } catch (EvalInputException e) {
            err.println("precis eval: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("precis eval: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private static int evaluate(Map<String, String> flags, PrintStream out, PrintStream err) {
        String data = required(flags, "--data");
        String outDir = required(flags, "--out");
        EvalRunner.Backend backend;
        Mode mode;
        try {
            backend = EvalRunner.Backend.parse(flags.getOrDefault("--backend", "embedded"));
            mode = Mode.parse(flags.getOrDefault("--mode", "auto"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String lengthLabel = flags.getOrDefault("--length", defaultLength());
        LengthTarget length = length(lengthLabel);
        int limit = limit(flags);
        Path predictions = flags.containsKey("--predictions") ? Path.of(flags.get("--predictions")) : null;
        EvalRunner.Options options = new EvalRunner.Options(Path.of(data), Path.of(outDir), backend, mode, length,
                lengthLabel, limit, predictions, flags.containsKey("--idf"));
        EvalRunner.Report report = new EvalRunner().run(options, err);
        var json = report.json();
        out.printf(Locale.ROOT, "%s: n=%d  ROUGE-1 %.2f  ROUGE-2 %.2f  ROUGE-L %.2f  ROUGE-Lsum %.2f  "
                        + "BERTScore-F1 %.4f  factuality %.4f  latency p50 %s ms p95 %s ms  %.2f examples/s%n",
                data, json.get("n").asInt(), json.get("rouge1").asDouble(), json.get("rouge2").asDouble(),
                json.get("rougeL").asDouble(), json.get("rougeLsum").asDouble(), json.get("bertscoreF1").asDouble(),
                json.get("factuality").asDouble(), json.get("latencyMsP50").asText(), json.get("latencyMsP95").asText(),
                json.get("examplesPerSecond").asDouble());
        out.println("Wrote " + Path.of(outDir).resolve("report.json") + ", " + Path.of(outDir).resolve("report.html")
                + " and " + Path.of(outDir).resolve("examples.jsonl"));
        return 0;
    }

    private static int validate(Map<String, String> flags, PrintStream out, PrintStream err, String command) {
        Path data = Path.of(flags.getOrDefault("--data", "../shared/data/eval"));
        Path outDir = Path.of(flags.getOrDefault("--out", "target/factuality-validation"));
        new FactualityValidation().run(data, outDir, limit(flags), "./precis eval " + command, out, err);
        return 0;
    }

    /** "auto" where the summariser offers an automatic length, else "medium". */
    static String defaultLength() {
        return Arrays.stream(Length.values()).anyMatch(l -> l.name().equals("AUTO")) ? "auto" : "medium";
    }

    static LengthTarget length(String label) {
        String value = label.trim().toUpperCase(Locale.ROOT);
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            try {
                return new LengthTarget(Integer.parseInt(value));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--length: " + e.getMessage());
            }
        }
        try {
            return LengthTarget.of(Length.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--length must be one of " + Arrays.stream(Length.values())
                    .map(l -> l.name().toLowerCase(Locale.ROOT)).toList() + " or a number of words, not \""
                    + label + "\"");
        }
    }

    private static int limit(Map<String, String> flags) {
        if (!flags.containsKey("--limit")) {
            return 0;
        }
        try {
            int limit = Integer.parseInt(flags.get("--limit"));
            if (limit < 1) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new UsageException("--limit must be a positive whole number, not \"" + flags.get("--limit") + "\"");
        }
    }

    private static String required(Map<String, String> flags, String flag) {
        String value = flags.get(flag);
        if (value == null) {
            throw new UsageException("missing " + flag);
        }
        return value;
    }

    /** Parses {@code --flag value}, {@code --flag=value} and switches; anything else is a usage error. */
    static Map<String, String> parse(List<String> args, Set<String> valueFlags, Set<String> switches) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (switches.contains(name) && value == null) {
                flags.put(name, "true");
                continue;
            }
            if (!valueFlags.contains(name)) {
                throw new UsageException(arg.startsWith("-") ? "unknown option " + arg : "unexpected argument " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException(name + " needs a value");
                }
                value = args.get(++i);
            }
            if (flags.put(name, value) != null) {
                throw new UsageException(name + " given twice");
            }
        }
        return flags;
    }

    static String usage() {
        return USAGE.formatted(defaultLength());
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}

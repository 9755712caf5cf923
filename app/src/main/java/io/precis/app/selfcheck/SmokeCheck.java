package io.precis.app.selfcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.precis.admin.runbooks.RunbookAction;
import io.precis.admin.runbooks.RunbookAction.Result;
import io.precis.app.library.LibraryRetriever;
import io.precis.app.library.RetrievalFilter;
import io.precis.app.library.SearchMode;
import io.precis.app.summarize.SummarizeCommand;
import io.precis.app.summarize.SummarizeService;
import io.precis.app.summarize.SummaryResult;

/**
 * Runbook action: the app checks itself from the inside, the way {@code ./precis smoke} checks a deployment from
 * the outside: the database and its vector extension, a summary with citations on the serving backend, and a
 * Library search. Each check is timed; the summary is stored in the operator's history like any other.
 */
@Component
class SmokeCheck {
    static final String SAMPLE = "The city council approved the new harbour park on Tuesday after two years of debate. "
            + "Construction of the park, which includes a sea-water swimming pool and a cycle path, starts in March. "
            + "The project costs 40 million euros, most of it paid by a regional fund. Residents had asked for more "
            + "green space near the old docks. The council expects the park to open in the summer of next year.";

    private record Check(String name, boolean ok, long ms, String note) {
    }

    private final JdbcTemplate jdbc;
    private final SummarizeService summaries;
    private final LibraryRetriever retriever;

    SmokeCheck(JdbcTemplate jdbc, SummarizeService summaries, LibraryRetriever retriever) {
        this.jdbc = jdbc;
        this.summaries = summaries;
        this.retriever = retriever;
    }

    @Bean
    static RunbookAction smokeCheckAction(SmokeCheck check) {
        return new RunbookAction("smoke-check", "Run smoke check",
                "Checks the database and pgvector, summarises a short sample with citations on the serving backend and "
                        + "searches the Library; each check is timed. From outside the cluster: ./precis smoke --url URL --api-key KEY.",
                check::run);
    }

    Result run(String actor) {
        List<Check> checks = new ArrayList<>();
        checks.add(check("database", () -> "pgvector " + jdbc.queryForObject(
                "SELECT extversion FROM pg_extension WHERE extname = 'vector'", String.class)));
        checks.add(check("summarise", () -> {
            SummaryResult r = summaries.summarize(new SummarizeCommand(
                    List.of(new SummarizeCommand.DocumentInput("Smoke check", SAMPLE)), "short", null), actor);
            long cited = r.sentences().stream().filter(s -> !s.citations().isEmpty()).count();
            if (cited == 0) throw new IllegalStateException("the summary cites nothing");
            return r.sentences().size() + " sentences, " + cited + " cited, " + r.model().name() + ", summary " + r.id();
        }));
        checks.add(check("search", () -> retriever.search("harbour park construction", RetrievalFilter.everything(), 3,
                SearchMode.HYBRID, false, false).passages().size() + " passages"));
        long passed = checks.stream().filter(Check::ok).count();
        String detail = checks.stream()
                .map(c -> String.format("%-10s %-4s %5d ms  %s", c.name(), c.ok() ? "ok" : "FAIL", c.ms(), c.note()))
                .collect(Collectors.joining("\n"));
        boolean ok = passed == checks.size();
        return new Result("Smoke check " + (ok ? "passed" : "failed") + ": " + passed + " of " + checks.size() + " checks ok.", detail, ok);
    }

    private static Check check(String name, Supplier<String> body) {
        long started = System.nanoTime();
        try {
            String note = body.get();
            return new Check(name, true, (System.nanoTime() - started) / 1_000_000, note);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Check(name, false, (System.nanoTime() - started) / 1_000_000, why);
        }
    }
}

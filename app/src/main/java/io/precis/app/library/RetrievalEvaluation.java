package io.precis.app.library;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Retrieval evaluation ({@code ./precis eval-retrieval --data FILE.jsonl [--out DIR]}): the documents of an evaluation
 * file (one JSON object a line: {@code {"id", "documents": [...], "reference": "..."}} or {@code "references": [...]}) are ingested into a scratch
 * collection; each reference (its lines joined) is a query whose right answers are its example's documents. For
 * vector-only, full-text-only and hybrid ranking it reports, at the document level (passages collapsed to their
 * documents, in rank order, from the top 20 passages):
 * <ul>
 * <li>hit@1 and hit@5: the share of queries with a right document first, or among the first five;</li>
 * <li>MRR: the mean of {@code 1 / rank} of the first right document (0 when none is in the top 20).</li>
 * </ul>
 * Queries do not count in {@code rag_retrieval_hit_rate}. The scratch collection is deleted afterwards unless
 * {@code keep} is set.
 */
@Service
public class RetrievalEvaluation {
    static final int PASSAGES = 20;
    static final String OWNER = "eval-retrieval";

    private final LibraryService library;
    private final LibraryRetriever retriever;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    RetrievalEvaluation(LibraryService library, LibraryRetriever retriever) {
        this.library = library;
        this.retriever = retriever;
    }

    /** Scores of one ranking. */
    public record Scores(double hitAt1, double hitAt5, double mrr, double meanMs) {
    }

    /** What a run found; {@code modes} maps vector, text and hybrid to their scores. */
    public record Report(String data, int examples, int queries, int documents, int chunks, String collection,
                         double ingestSeconds, Map<String, Scores> modes, List<String> failures) {
    }

    private record Example(String id, List<String> documents, List<String> references) {
    }

    /**
     * @param limit at most this many examples (null: all)
     * @param out   where report.json goes (null: nowhere)
     * @param console progress and the table of results
     */
    public Report run(Path data, Path out, Integer limit, boolean keep, PrintStream console) throws IOException {
        List<Example> examples = read(data, limit);
        String collection = "eval-" + UUID.randomUUID().toString().substring(0, 8);
        Viewer viewer = new Viewer(OWNER, false);
        console.printf(Locale.ROOT, "Ingesting the documents of %d examples into collection %s…%n", examples.size(), collection);
        long started = System.nanoTime();
        Map<String, Set<UUID>> targets = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int documents = 0;
        int chunks = 0;
        for (Example e : examples) {
            Set<UUID> ids = new LinkedHashSet<>();
            for (int i = 0; i < e.documents().size(); i++) {
                LibraryDocument doc = library.ingestNow(viewer, e.id() + (e.documents().size() > 1 ? " #" + i : ""),
                        e.documents().get(i), collection);
                if (doc.isReady()) {
                    ids.add(doc.id());
                    documents++;
                    chunks += doc.chunkCount();
                } else {
                    failures.add(e.id() + ": " + doc.reason());
                }
            }
            targets.put(e.id(), ids);
        }
        double ingestSeconds = (System.nanoTime() - started) / 1e9;
        console.printf(Locale.ROOT, "%d documents, %d chunks in %.1f s (%.0f chunks/s)%n", documents, chunks, ingestSeconds,
                chunks / Math.max(ingestSeconds, 1e-9));

        Map<String, Scores> modes = new LinkedHashMap<>();
        int queries = 0;
        RetrievalFilter filter = new RetrievalFilter(OWNER, collection, null, List.of(), null, null);
        for (SearchMode mode : List.of(SearchMode.VECTOR, SearchMode.TEXT, SearchMode.HYBRID)) {
            double hit1 = 0;
            double hit5 = 0;
            double rr = 0;
            long nanos = 0;
            int n = 0;
            for (Example e : examples) {
                Set<UUID> right = targets.get(e.id());
                if (right.isEmpty()) continue;
                for (String reference : e.references()) {
                    String query = reference.replace('\n', ' ').strip();
                    if (query.isEmpty()) continue;
                    long t = System.nanoTime();
                    SearchResult result = retriever.search(query, filter, PASSAGES, mode, false, false);
                    nanos += System.nanoTime() - t;
                    int rank = rankOfFirstRight(result.passages(), right);
                    if (rank == 1) hit1++;
                    if (rank >= 1 && rank <= 5) hit5++;
                    if (rank >= 1) rr += 1.0 / rank;
                    n++;
                }
            }
            queries = n;
            modes.put(mode.label(), new Scores(round(hit1 / Math.max(n, 1)), round(hit5 / Math.max(n, 1)),
                    round(rr / Math.max(n, 1)), round(nanos / 1e6 / Math.max(n, 1))));
        }
        if (!keep) {
            for (Set<UUID> ids : targets.values()) for (UUID id : ids) library.delete(id, viewer);
        }
        Report report = new Report(data.toString(), examples.size(), queries, documents, chunks, collection,
                round(ingestSeconds), modes, failures);
        print(report, console);
        if (out != null) {
            Files.createDirectories(out);
            json.writeValue(out.resolve("report.json").toFile(), report);
            console.println("Report: " + out.resolve("report.json"));
        }
        return report;
    }

    /** The rank (from 1) of the first right document among the passages' distinct documents, or 0. */
    static int rankOfFirstRight(List<Passage> passages, Set<UUID> right) {
        List<UUID> ranked = new ArrayList<>();
        for (Passage p : passages) {
            if (!ranked.contains(p.documentId())) ranked.add(p.documentId());
        }
        for (int i = 0; i < ranked.size(); i++) {
            if (right.contains(ranked.get(i))) return i + 1;
        }
        return 0;
    }

    private static void print(Report r, PrintStream console) {
        console.printf(Locale.ROOT, "%n%d queries over %d documents (%d chunks)%n", r.queries(), r.documents(), r.chunks());
        console.printf(Locale.ROOT, "%-8s %7s %7s %7s %9s%n", "mode", "hit@1", "hit@5", "MRR", "ms/query");
        r.modes().forEach((mode, s) -> console.printf(Locale.ROOT, "%-8s %7.3f %7.3f %7.3f %9.1f%n", mode, s.hitAt1(),
                s.hitAt5(), s.mrr(), s.meanMs()));
        if (!r.failures().isEmpty()) console.println(r.failures().size() + " documents failed: " + r.failures());
    }

    private List<Example> read(Path data, Integer limit) throws IOException {
        List<Example> examples = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(data, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) continue;
            JsonNode node;
            try {
                node = json.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException(data + " line " + lineNo + " is not JSON.");
            }
            List<String> documents = strings(node.path("documents"));
            List<String> references = new ArrayList<>(strings(node.path("reference")));
            references.addAll(strings(node.path("references")));
            if (documents.isEmpty() || references.isEmpty()) {
                throw new IllegalArgumentException(data + " line " + lineNo + " needs \"documents\" (a list of texts) and \"reference\" or \"references\"");
            }
            String id = node.path("id").asText("line-" + lineNo);
            examples.add(new Example(id, documents, references));
            if (limit != null && examples.size() >= limit) break;
        }
        if (examples.isEmpty()) throw new IllegalArgumentException(data + " has no examples");
        return examples;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isTextual()) out.add(array.asText());
        else array.forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) out.add(n.asText());
        });
        return out;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}

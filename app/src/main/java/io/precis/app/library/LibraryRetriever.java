package io.precis.app.library;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.precis.admin.web.Problems;
import io.precis.inference.embed.Embedder;

/**
 * Retrieval over the Library's chunks: by embedding (pgvector HNSW, cosine), by full text (PostgreSQL
 * {@code tsvector}, any of the query's words, ranked by {@code ts_rank}), or both fused ({@link Fusion}: the mean of
 * the two scores, each scaled to 0..1 over its candidates); optionally diversified by maximal marginal relevance. Filters: owner, collection, tag, documents,
 * date added. Only ready documents are searched.
 *
 * <p>This is the entry point for question-focused summaries: {@link #retrieve(String, RetrievalFilter, int)}.
 */
@Service
public class LibraryRetriever {
    private static final Logger log = LoggerFactory.getLogger(LibraryRetriever.class);
    /** MMR's balance between relevance (1) and novelty (0). */
    public static final double MMR_LAMBDA = 0.7;
    public static final int MAX_K = 100;
    public static final int MAX_QUERY_CHARS = 2000;

    private final JdbcTemplate jdbc;
    private final Embedder embedder;
    private final LibraryMetrics metrics;
    private final TransactionTemplate readOnly;
    private volatile Boolean iterativeScan;
    private final ExecutorService textWorkers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "library-text-search");
        t.setDaemon(true);
        return t;
    });

    LibraryRetriever(JdbcTemplate jdbc, Embedder embedder, LibraryMetrics metrics, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.embedder = embedder;
        this.metrics = metrics;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The {@code k} best passages for {@code query} within {@code filter}, best first: hybrid ranking (vector and
     * full text fused), no MMR. Counts as live traffic in {@code rag_retrieval_hit_rate}.
     *
     * @throws org.springframework.web.ErrorResponseException (400) for a blank query or k outside 1..100
     */
    public List<Passage> retrieve(String query, RetrievalFilter filter, int k) {
        return search(query, filter, k, SearchMode.HYBRID, false).passages();
    }

    /** As {@link #retrieve}, with the ranking and MMR chosen; counts as live traffic. */
    public SearchResult search(String query, RetrievalFilter filter, int k, SearchMode mode, boolean mmr) {
        return search(query, filter, k, mode, mmr, true);
    }

    /**
     * @param live whether the query counts in the hit-rate metric (evaluation runs pass false)
     */
    public SearchResult search(String query, RetrievalFilter filter, int k, SearchMode mode, boolean mmr, boolean live) {
        if (query == null || query.isBlank()) throw Problems.badRequest("'q' is empty: say what to search for.");
        if (k < 1 || k > MAX_K) throw Problems.badRequest("'k' must be between 1 and " + MAX_K + ", not " + k + ".");
        String q = query.strip();
        if (q.length() > MAX_QUERY_CHARS) q = q.substring(0, MAX_QUERY_CHARS);
        long started = System.nanoTime();
        int pool = mmr || mode == SearchMode.HYBRID ? Math.min(4 * MAX_K, Math.max(4 * k, 40)) : k;
        String text = q;
        // The full-text side needs no embedding: it runs on its own connection while the query is embedded and the
        // vector side searched.
        // (Inline when the caller holds a transaction, and so a connection, so that callers cannot starve the pool.)
        java.util.function.Supplier<TextSide> textWork = () -> {
            String tsquery = textQuery(text);
            return new TextSide(tsquery, mode == SearchMode.VECTOR ? Map.of() : textCandidates(tsquery, filter, pool));
        };
        CompletableFuture<TextSide> textSide = TransactionSynchronizationManager.isActualTransactionActive()
                ? CompletableFuture.completedFuture(textWork.get())
                : CompletableFuture.supplyAsync(textWork, textWorkers);
        float[] queryVector = embedder.embed(List.of(q))[0];
        String vector = PgVectors.literal(queryVector);
        Map<Long, Double> vectorScores = mode == SearchMode.TEXT ? Map.of()
                : readOnly.execute(s -> vectorCandidates(vector, filter, pool));
        TextSide textResult = join(textSide);
        Map<Long, Double> fused = Fusion.relative(vectorScores, textResult.scores());
        Map<Long, Integer> vectorRanks = ranks(vectorScores);
        Map<Long, Integer> textRanks = ranks(textResult.scores());
        List<Long> ordered = new ArrayList<>(fused.keySet());
        ordered.sort(Comparator.<Long>comparingDouble(fused::get).reversed()
                .thenComparingInt(id -> vectorRanks.getOrDefault(id, Integer.MAX_VALUE))
                .thenComparingInt(id -> textRanks.getOrDefault(id, Integer.MAX_VALUE)));
        List<Long> top = ordered.subList(0, Math.min(ordered.size(), mmr ? pool : k));
        Map<Long, Candidate> details = details(top, vector, textResult.tsquery(), mmr);
        List<Candidate> ranked = new ArrayList<>();
        for (Long id : top) {
            Candidate c = details.get(id);
            if (c != null) ranked.add(c.withFused(fused.get(id)));
        }
        List<Passage> passages = (mmr ? mmr(ranked, k) : ranked).stream().map(Candidate::passage).toList();
        long nanos = System.nanoTime() - started;
        metrics.retrieval(mode.label(), nanos);
        if (live) metrics.query(passages.isEmpty() ? null : passages.get(0).scores().vector());
        return new SearchResult(q, mode.label(), mmr, k, passages, nanos / 1_000_000);
    }

    private record TextSide(String tsquery, Map<Long, Double> scores) {
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        textWorkers.shutdownNow();
    }

    // ---- candidates ------------------------------------------------------------------------------------------------

    private Map<Long, Double> vectorCandidates(String vector, RetrievalFilter filter, int n) {
        // HNSW returns ef_search candidates before filtering; iterative scans (pgvector 0.8) keep going when a filter
        // drops too many of them.
        jdbc.execute("SET LOCAL hnsw.ef_search = " + Math.max(80, Math.min(1000, 2 * n)));
        if (iterativeScanSupported()) jdbc.execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
        Map<Long, Double> distances = scored("SELECT c.id, c.embedding <=> ?::vector AS distance FROM chunks c", vector, filter,
                " ORDER BY distance LIMIT ?", n);
        distances.replaceAll((id, distance) -> 1 - distance);
        return distances;
    }

    private Map<Long, Double> textCandidates(String tsquery, RetrievalFilter filter, int n) {
        if (tsquery == null) return Map.of();
        return scored("SELECT c.id, ts_rank(c.tsv, q.query, 1) AS score FROM (SELECT ?::tsquery AS query) q, chunks c",
                tsquery, filter, " AND c.tsv @@ q.query ORDER BY score DESC, c.id LIMIT ?", n);
    }

    /**
     * Runs {@code select} (one parameter, {@code query}) joined to documents and filtered: the first n ids in order,
     * each with the second column.
     */
    private Map<Long, Double> scored(String select, String query, RetrievalFilter filter, String order, int n) {
        List<Object> args = new ArrayList<>();
        args.add(query);
        String where = where(filter, args);
        args.add(n);
        Map<Long, Double> scores = new LinkedHashMap<>();
        jdbc.query(select + " JOIN documents d ON d.id = c.document_id" + where + order,
                rs -> { scores.putIfAbsent(rs.getLong(1), rs.getDouble(2)); }, args.toArray());
        return scores;
    }

    /**
     * The full-text query: the query's words (English stemming, stop words dropped) joined by OR, so a chunk needs
     * only some of them. On a large index the most common words are left out (as their low inverse document
     * frequency makes them nearly worthless for ranking anyway), keeping the rarest words whose chunks together
     * are estimated at most {@link #TEXT_MATCH_BUDGET} (from PostgreSQL's statistics of the {@code tsv} column), so
     * that ranking stays fast; at least the {@link #MIN_TEXT_TERMS} rarest words are kept. Null when the query has
     * no words.
     */
    String textQuery(String query) {
        List<String> lexemes = jdbc.queryForList("SELECT unnest(tsvector_to_array(to_tsvector('english', ?)))", String.class, query);
        if (lexemes.isEmpty()) return null;
        LexemeStats stats = lexemeStats();
        List<String> kept = lexemes;
        if (stats != null) {
            List<String> byFrequency = new ArrayList<>(lexemes);
            byFrequency.sort(Comparator.comparingDouble(stats::frequency));
            double total = 0;
            for (String l : byFrequency) total += stats.frequency(l) * stats.rows();
            if (total > TEXT_MATCH_BUDGET) {
                kept = new ArrayList<>();
                double estimate = 0;
                for (String l : byFrequency) {
                    double rows = stats.frequency(l) * stats.rows();
                    if (kept.size() >= MIN_TEXT_TERMS && estimate + rows > TEXT_MATCH_BUDGET) break;
                    kept.add(l);
                    estimate += rows;
                }
            }
        }
        StringBuilder tsquery = new StringBuilder();
        for (String l : kept) {
            if (tsquery.length() > 0) tsquery.append(" | ");
            tsquery.append('\'').append(l.replace("\\", "\\\\").replace("'", "''")).append('\'');
        }
        return tsquery.toString();
    }

    /** Chunks a full-text query may match, by estimate, before its commonest words are dropped. */
    static final int TEXT_MATCH_BUDGET = 2000;
    static final int MIN_TEXT_TERMS = 2;
    private static final long STATS_TTL_NANOS = 60_000_000_000L;

    /** Frequencies of the commonest lexemes of {@code chunks.tsv} (share of rows), from {@code pg_stats}. */
    record LexemeStats(Map<String, Double> frequencies, double rareFrequency, double rows, long readAt) {
        double frequency(String lexeme) {
            return frequencies.getOrDefault(lexeme, rareFrequency);
        }
    }

    private volatile LexemeStats stats;

    private LexemeStats lexemeStats() {
        LexemeStats s = stats;
        if (s != null && System.nanoTime() - s.readAt() < STATS_TTL_NANOS) return s.rows() > 0 ? s : null;
        LexemeStats fresh = new LexemeStats(Map.of(), 0, 0, System.nanoTime());
        try {
            List<LexemeStats> rows = jdbc.query("SELECT s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs AS freqs, "
                    + "c.reltuples FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename AND c.relnamespace = "
                    + "(SELECT oid FROM pg_namespace WHERE nspname = s.schemaname) "
                    + "WHERE s.tablename = 'chunks' AND s.attname = 'tsv' AND s.schemaname = current_schema()", (rs, n) -> {
                        java.sql.Array e = rs.getArray("elems");
                        java.sql.Array f = rs.getArray("freqs");
                        if (e == null || f == null) return null;
                        String[] elems = (String[]) e.getArray();
                        Object[] raw = (Object[]) f.getArray();
                        Map<String, Double> freq = new HashMap<>();
                        double min = 1;
                        for (int i = 0; i < elems.length && i < raw.length; i++) {
                            double v = ((Number) raw[i]).doubleValue();
                            freq.put(elems[i], v);
                            min = Math.min(min, v);
                        }
                        // Lexemes not listed are rarer than the rarest listed one: count them at half of it.
                        return new LexemeStats(freq, min / 2, rs.getDouble("reltuples"), System.nanoTime());
                    });
            if (!rows.isEmpty() && rows.get(0) != null) fresh = rows.get(0);
        } catch (RuntimeException e) {
            log.debug("No full-text statistics: {}", e.getMessage());
        }
        stats = fresh;
        return fresh.rows() > 0 ? fresh : null;
    }

    /** Ranks from 1 in the order of a best-first map. */
    private static Map<Long, Integer> ranks(Map<Long, Double> bestFirst) {
        Map<Long, Integer> ranks = new HashMap<>();
        for (Long id : bestFirst.keySet()) ranks.put(id, ranks.size() + 1);
        return ranks;
    }

    private static String where(RetrievalFilter f, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE d.status = 'ready'");
        if (f.owner() != null) {
            sql.append(" AND d.owner = ?");
            args.add(f.owner());
        }
        if (f.collection() != null) {
            sql.append(" AND d.collection = ?");
            args.add(f.collection());
        }
        if (f.tag() != null) {
            sql.append(" AND d.tags @> ARRAY[?]::text[]");
            args.add(f.tag());
        }
        if (!f.documents().isEmpty()) {
            sql.append(" AND d.id IN (").append("?,".repeat(f.documents().size() - 1)).append("?)");
            args.addAll(f.documents());
        }
        if (f.from() != null) {
            sql.append(" AND d.created_at >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND d.created_at < ?");
            args.add(Timestamp.from(f.to()));
        }
        return sql.toString();
    }

    private boolean iterativeScanSupported() {
        Boolean supported = iterativeScan;
        if (supported == null) {
            try {
                String version = jdbc.queryForObject("SELECT extversion FROM pg_extension WHERE extname = 'vector'", String.class);
                String[] parts = version == null ? new String[0] : version.split("\\.");
                supported = parts.length >= 2 && (Integer.parseInt(parts[0]) > 0 || Integer.parseInt(parts[1]) >= 8);
            } catch (RuntimeException e) {
                supported = false;
            }
            if (!supported) log.warn("pgvector older than 0.8: filtered vector searches may return fewer passages than asked for");
            iterativeScan = supported;
        }
        return supported;
    }

    // ---- details and MMR -------------------------------------------------------------------------------------------

    private record Candidate(long id, UUID documentId, String title, String collection, int ordinal, int start, int end,
                             String text, double vector, Double textScore, double fused, float[] embedding) {
        Candidate withFused(double f) {
            return new Candidate(id, documentId, title, collection, ordinal, start, end, text, vector, textScore, f, embedding);
        }

        Passage passage() {
            return new Passage(documentId, title, collection, id, ordinal, start, end, text,
                    new Passage.Scores(round(vector), textScore == null ? null : round(textScore), round(fused)));
        }
    }

    private Map<Long, Candidate> details(List<Long> ids, String vector, String query, boolean withEmbeddings) {
        if (ids.isEmpty()) return Map.of();
        List<Object> args = new ArrayList<>();
        args.add(vector); // in the select list, so first
        if (query != null) args.add(query);  // in the FROM subquery
        args.addAll(ids);
        String sql = "SELECT c.id, c.document_id, d.title, d.collection, c.ordinal, c.start_offset, c.end_offset, c.text, "
                + "1 - (c.embedding <=> ?::vector) AS vector_score, "
                + (query == null ? "NULL::real" : "CASE WHEN c.tsv @@ q.query THEN ts_rank(c.tsv, q.query, 1) END") + " AS text_score"
                + (withEmbeddings ? ", c.embedding::text AS embedding" : "")
                + " FROM " + (query == null ? "" : "(SELECT ?::tsquery AS query) q, ")
                + "chunks c JOIN documents d ON d.id = c.document_id WHERE c.id IN ("
                + "?,".repeat(ids.size() - 1) + "?)";
        Map<Long, Candidate> out = new HashMap<>();
        jdbc.query(sql, rs -> {
            Object textScore = rs.getObject("text_score");
            out.put(rs.getLong("id"), new Candidate(rs.getLong("id"), rs.getObject("document_id", UUID.class),
                    rs.getString("title"), rs.getString("collection"), rs.getInt("ordinal"), rs.getInt("start_offset"),
                    rs.getInt("end_offset"), rs.getString("text"), rs.getDouble("vector_score"),
                    textScore == null ? null : ((Number) textScore).doubleValue(), 0,
                    withEmbeddings ? PgVectors.parse(rs.getString("embedding")) : null));
        }, args.toArray());
        return out;
    }

    /**
     * Maximal marginal relevance: picks, one at a time, the candidate maximising
     * {@code λ · relevance − (1 − λ) · max similarity to those already picked}, where relevance is the fused score
     * scaled to the best candidate's (so 0..1) and similarity is the cosine of the chunk embeddings.
     */
    static List<Candidate> mmr(List<Candidate> ranked, int k) {
        if (ranked.size() <= 1) return ranked;
        double best = ranked.get(0).fused();
        List<Candidate> left = new ArrayList<>(ranked);
        List<Candidate> chosen = new ArrayList<>();
        while (chosen.size() < k && !left.isEmpty()) {
            Candidate pick = null;
            double pickScore = Double.NEGATIVE_INFINITY;
            for (Candidate c : left) {
                double relevance = best > 0 ? c.fused() / best : 0;
                double redundancy = 0;
                for (Candidate s : chosen) redundancy = Math.max(redundancy, PgVectors.dot(c.embedding(), s.embedding()));
                double score = MMR_LAMBDA * relevance - (1 - MMR_LAMBDA) * redundancy;
                if (score > pickScore) {
                    pickScore = score;
                    pick = c;
                }
            }
            chosen.add(pick);
            left.remove(pick);
        }
        return chosen;
    }

    private static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }
}

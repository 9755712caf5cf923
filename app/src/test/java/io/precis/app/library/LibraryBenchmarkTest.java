package io.precis.app.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.precis.app.support.PrecisIntegrationTest;
import io.precis.inference.embed.Embedder;
import io.precis.inference.text.Chunk;
import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;

/**
 * The Library's benchmarks (docs/library-benchmarks.md), run on demand:
 * <pre>
 * PGDATABASE=precis_bench ./mvnw -pl app test -Dtest=LibraryBenchmarkTest -Dprecis.bench=true
 * </pre>
 * <ol>
 * <li>ingestion throughput (chunks/s) of the news dev set, against raw MiniLM throughput on the same chunk texts in
 * the same run;</li>
 * <li>search latency (p50/p95/p99 per mode) and vector recall@10 against exact search, on 100,000 chunks that a
 * generator makes: texts are triples of real news sentences and embeddings the sum of the sentences' MiniLM
 * embeddings plus noise, so both indexes see realistic data without embedding 100,000 texts.</li>
 * </ol>
 * The search benchmark drops and rebuilds the HNSW index around the bulk load, so point it at a database of its own
 * ({@code precis_bench}; it refuses to run on any other unless {@code -Dprecis.bench.anyDatabase=true}).
 * Results go to {@code target/library-bench/results.json}.
 */
@PrecisIntegrationTest
@EnabledIfSystemProperty(named = "precis.bench", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibraryBenchmarkTest {
    static final int DOCUMENTS = Integer.getInteger("precis.bench.documents", 1000);
    static final int CHUNKS_PER_DOCUMENT = Integer.getInteger("precis.bench.chunksPerDocument", 100);
    static final int QUERIES = Integer.getInteger("precis.bench.queries", 300);
    static final int WARM_UP_QUERIES = 100;
    static final Map<String, Object> RESULTS = new LinkedHashMap<>();
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Autowired
    LibraryService library;
    @Autowired
    LibraryRetriever retriever;
    @Autowired
    Ingestor ingestor;
    @Autowired
    Embedder embedder;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    @Order(1)
    void ingestionThroughputAgainstRawMiniLm() throws Exception {
        List<String> articles = articles();
        List<String> chunkTexts = new ArrayList<>();
        for (String a : articles) for (Chunk c : ingestor.chunker().chunk(0, a)) chunkTexts.add(c.text());
        embedder.embed(chunkTexts.subList(0, Math.min(64, chunkTexts.size()))); // warm up
        vacuum();

        double raw1 = rawRate(chunkTexts);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("newsArticles", ingestBoth(articles, "articles", raw1, chunkTexts));
        // The same text as ten long documents of ten articles each: full embedding batches, less per-document work.
        List<String> longDocs = new ArrayList<>();
        for (int i = 0; i < articles.size(); i += 10) longDocs.add(String.join("\n\n", articles.subList(i, Math.min(articles.size(), i + 10))));
        r.put("longDocuments", ingestBoth(longDocs, "long", raw1, chunkTexts));
        RESULTS.put("ingestion", r);
        System.out.println("INGESTION " + r);
        write();
    }

    /** Ingests the texts one after the other in this thread, then all at once through the queue; rates against raw. */
    private Map<String, Object> ingestBoth(List<String> texts, String name, double rawBefore, List<String> chunkTexts) throws Exception {
        Viewer viewer = new Viewer("bench-" + UUID.randomUUID(), false);
        String sequential = "bench-" + name + "-sequential";
        long started = System.nanoTime();
        int chunks = 0;
        for (int i = 0; i < texts.size(); i++) {
            LibraryDocument doc = library.ingestNow(viewer, name + " " + i, texts.get(i), sequential);
            assertThat(doc.status()).isEqualTo("ready");
            chunks += doc.chunkCount();
        }
        double ingest = chunks / ((System.nanoTime() - started) / 1e9);
        double raw2 = rawRate(chunkTexts);
        String queued = "bench-" + name + "-queued";
        List<UUID> ids = new ArrayList<>();
        long queuedStart = System.nanoTime();
        for (int i = 0; i < texts.size(); i++) {
            ids.add(library.addText(viewer, name + " " + i, texts.get(i), queued, List.of()).document().id());
        }
        // One light query every 20 ms, so that watching costs the workers little CPU.
        while (jdbc.queryForObject("SELECT count(*) FROM documents WHERE owner = ? AND collection = ? "
                + "AND status IN ('queued', 'processing')", Integer.class, viewer.name(), queued) > 0) {
            Thread.sleep(20);
        }
        long queuedNanos = System.nanoTime() - queuedStart;
        int queuedChunks = 0;
        for (UUID id : ids) {
            LibraryDocument d = library.find(id, viewer).orElseThrow();
            assertThat(d.status()).isEqualTo("ready");
            queuedChunks += d.chunkCount();
        }
        double ingestQueued = queuedChunks / (queuedNanos / 1e9);
        double raw3 = rawRate(chunkTexts);
        double raw = (rawBefore + raw2 + raw3) / 3;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("documents", texts.size());
        r.put("chunks", chunks);
        r.put("rawMiniLmChunksPerSecond", round(raw));
        r.put("rawRuns", List.of(round(rawBefore), round(raw2), round(raw3)));
        r.put("sequentialChunksPerSecond", round(ingest));
        r.put("sequentialShareOfRaw", round(ingest / raw));
        r.put("queuedChunksPerSecond", round(ingestQueued));
        r.put("queuedShareOfRaw", round(ingestQueued / raw));
        for (String c : List.of(sequential, queued)) {
            for (var d : library.list(viewer, c, null, null, 0, 200).items()) library.delete(d.id(), viewer);
        }
        vacuum();
        return r;
    }

    @Test
    @Order(2)
    void searchLatencyAndRecallAt100kChunks() throws Exception {
        String database = jdbc.queryForObject("SELECT current_database()", String.class);
        assertThat(database.equals("precis_bench") || Boolean.getBoolean("precis.bench.anyDatabase"))
                .as("the search benchmark rebuilds the HNSW index: run it on a database of its own (PGDATABASE=precis_bench)")
                .isTrue();
        String owner = "bench";
        String collection = "bench-100k";
        int total = DOCUMENTS * CHUNKS_PER_DOCUMENT;
        Integer existing = jdbc.queryForObject("SELECT count(*) FROM chunks c JOIN documents d ON d.id = c.document_id "
                + "WHERE d.collection = ?", Integer.class, collection);
        List<String> sentences = sentences();
        Random random = new Random(42);
        Map<String, Object> r = new LinkedHashMap<>();
        if (existing == null || existing != total) {
            jdbc.update("DELETE FROM documents WHERE collection = ?", collection);
            List<String> base = sentences.subList(0, Math.min(3000, sentences.size()));
            long t0 = System.nanoTime();
            float[][] baseVectors = embedder.embed(base);
            r.put("baseSentencesEmbedded", base.size());
            r.put("baseEmbeddingSeconds", round((System.nanoTime() - t0) / 1e9));
            jdbc.execute("DROP INDEX IF EXISTS chunks_embedding_hnsw");
            long t1 = System.nanoTime();
            for (int d = 0; d < DOCUMENTS; d++) {
                UUID id = UUID.randomUUID();
                jdbc.update("INSERT INTO documents (id, owner, title, title_given, collection, source_type, status, progress, "
                        + "chunk_count, ready_at) VALUES (?, ?, ?, true, ?, 'text', 'ready', 100, ?, now())",
                        id, owner, "Bench document " + d, collection, CHUNKS_PER_DOCUMENT);
                List<Object[]> rows = new ArrayList<>();
                for (int c = 0; c < CHUNKS_PER_DOCUMENT; c++) {
                    int a = random.nextInt(base.size());
                    int b = random.nextInt(base.size());
                    int e = random.nextInt(base.size());
                    String text = base.get(a) + " " + base.get(b) + " " + base.get(e);
                    float[] v = new float[baseVectors[a].length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = baseVectors[a][i] + 0.6f * baseVectors[b][i] + 0.3f * baseVectors[e][i] + (float) (random.nextGaussian() * 0.02);
                    }
                    normalize(v);
                    rows.add(new Object[]{id, c, 0, text.length(), text, Tokens.estimate(text), PgVectors.literal(v)});
                }
                jdbc.batchUpdate("INSERT INTO chunks (document_id, ordinal, start_offset, end_offset, text, token_count, embedding, "
                        + "embedding_model, embedding_version) VALUES (?, ?, ?, ?, ?, ?, ?::vector, 'all-minilm-l6-v2', 'onnx-1')", rows);
            }
            r.put("loadSeconds", round((System.nanoTime() - t1) / 1e9));
            long t2 = System.nanoTime();
            new TransactionTemplate(transactions).executeWithoutResult(s -> {
                jdbc.execute("SET LOCAL maintenance_work_mem = '1GB'");
                jdbc.execute("CREATE INDEX chunks_embedding_hnsw ON chunks USING hnsw (embedding vector_cosine_ops)");
            });
            r.put("hnswBuildSeconds", round((System.nanoTime() - t2) / 1e9));
            jdbc.execute("ANALYZE chunks");
            jdbc.execute("ANALYZE documents");
        }
        Integer chunkCount = jdbc.queryForObject("SELECT count(*) FROM chunks", Integer.class);
        r.put("chunksInIndex", chunkCount);

        // Queries: real sentences (not used as chunk text above for a third of them) and short keyword queries; a
        // separate set warms every mode up first.
        List<String> queries = queries(sentences, random, QUERIES);
        List<String> warmUp = queries(sentences, random, WARM_UP_QUERIES);
        RetrievalFilter filter = new RetrievalFilter(owner, collection, null, List.of(), null, null);
        SearchMode[] modes = SearchMode.values();
        for (String q : warmUp) {
            for (SearchMode mode : modes) retriever.search(q, filter, 10, mode, false, false);
        }
        // Each query in every mode, the order of the modes rotating from query to query, so that no mode finds the
        // pages a query needs cached by the others more often than the rest do.
        long[][] nanos = new long[modes.length][queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            for (int j = 0; j < modes.length; j++) {
                int m = (i + j) % modes.length;
                long t = System.nanoTime();
                retriever.search(queries.get(i), filter, 10, modes[m], false, false);
                nanos[m][i] = System.nanoTime() - t;
            }
        }
        for (int m = 0; m < modes.length; m++) {
            long[] sorted = nanos[m].clone();
            Arrays.sort(sorted);
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("p50Ms", round(sorted[sorted.length / 2] / 1e6));
            stats.put("p95Ms", round(sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6));
            stats.put("p99Ms", round(sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6));
            r.put(modes[m].label(), stats);
        }
        // Recall@10 of the HNSW vector search against exact search (sequential scan) for the same query vectors.
        double recall = 0;
        int n = Math.min(100, queries.size());
        for (int i = 0; i < n; i++) {
            String q = queries.get(i);
            Set<Long> approx = new HashSet<>();
            for (Passage p : retriever.search(q, filter, 10, SearchMode.VECTOR, false, false).passages()) approx.add(p.chunkId());
            String vector = PgVectors.literal(embedder.embed(List.of(q))[0]);
            List<Long> exact = new TransactionTemplate(transactions).execute(s -> {
                jdbc.execute("SET LOCAL enable_indexscan = off");
                jdbc.execute("SET LOCAL enable_bitmapscan = off");
                return jdbc.queryForList("SELECT c.id FROM chunks c JOIN documents d ON d.id = c.document_id WHERE d.status = 'ready' "
                        + "AND d.owner = ? AND d.collection = ? ORDER BY c.embedding <=> ?::vector LIMIT 10", Long.class, owner, collection, vector);
            });
            int found = 0;
            for (Long id : exact) if (approx.contains(id)) found++;
            recall += found / 10.0;
        }
        r.put("vectorRecallAt10", round(recall / n));
        r.put("queries", queries.size());
        RESULTS.put("search", r);
        System.out.println("SEARCH " + r);
        write();
    }

    private double rawRate(List<String> texts) {
        long t = System.nanoTime();
        for (int from = 0; from < texts.size(); from += 64) embedder.embed(texts.subList(from, Math.min(texts.size(), from + 64)));
        return texts.size() / ((System.nanoTime() - t) / 1e9);
    }

    private static List<String> articles() throws Exception {
        Path data = Path.of(System.getProperty("precis.bench.data", "../../shared/data/eval/news-cnndm-dev.jsonl"));
        List<String> articles = new ArrayList<>();
        for (String line : Files.readAllLines(data, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonNode node = JSON.readTree(line);
            node.path("documents").forEach(d -> articles.add(d.asText()));
        }
        return articles;
    }

    private static List<String> sentences() throws Exception {
        List<String> out = new ArrayList<>();
        SentenceSplitter splitter = new SentenceSplitter();
        for (String a : articles()) {
            for (Sentence s : splitter.split(a)) {
                if (s.text().length() >= 40 && s.text().length() <= 300) out.add(s.text());
            }
        }
        java.util.Collections.shuffle(out, new Random(7));
        return out;
    }

    /**
     * Clears what earlier runs and phases deleted, untimed: otherwise autovacuum (slow on the HNSW index) wakes up
     * during the next timed phase and takes CPU from it.
     */
    private void vacuum() {
        jdbc.execute("VACUUM (ANALYZE) chunks");
        jdbc.execute("VACUUM (ANALYZE) documents");
    }

    private static List<String> queries(List<String> sentences, Random random, int n) {
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = sentences.get(random.nextInt(sentences.size()));
            if (i % 3 == 0) {
                String[] words = s.split("\\s+");
                s = String.join(" ", Arrays.copyOfRange(words, 0, Math.min(4, words.length)));
            }
            queries.add(s);
        }
        return queries;
    }

    private static void normalize(float[] v) {
        double sum = 0;
        for (float x : v) sum += x * x;
        float scale = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) v[i] *= scale;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    private static void write() throws Exception {
        Path out = Path.of("target/library-bench");
        Files.createDirectories(out);
        JSON.writeValue(out.resolve("results.json").toFile(), RESULTS);
    }
}

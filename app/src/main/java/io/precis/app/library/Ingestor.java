package io.precis.app.library;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.precis.inference.embed.Embedder;
import io.precis.inference.text.Chunk;
import io.precis.inference.text.Chunker;

/**
 * Ingests one queued document: fetch (URLs) → extract text → chunk by sentences → embed in batches → store the
 * chunks and mark the document ready, in one transaction. Any failure marks it failed with a reason a person can
 * act on; nothing else is touched. Progress: 5% fetched, 20% extracted, 25% chunked, up to 95% while embedding;
 * written at most once every {@link #PROGRESS_INTERVAL_NANOS}, so that a small document, ready in a fraction of a
 * second, costs no progress writes (each is a commit) and a large one shows steady progress.
 */
@Component
class Ingestor {
    private static final Logger log = LoggerFactory.getLogger(Ingestor.class);
    static final int EMBED_BATCH = 64;
    static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

    private final DocumentStore store;
    private final SafeFetcher fetcher;
    private final TextExtractor extractor;
    private final Embedder embedder;
    private final LibraryProperties props;
    private final LibraryMetrics metrics;
    private final TransactionTemplate tx;
    private final Chunker chunker;

    Ingestor(DocumentStore store, SafeFetcher fetcher, TextExtractor extractor, Embedder embedder, LibraryProperties props,
             LibraryMetrics metrics, PlatformTransactionManager transactions) {
        this.store = store;
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.embedder = embedder;
        this.props = props;
        this.metrics = metrics;
        this.tx = new TransactionTemplate(transactions);
        this.chunker = new Chunker(props.chunkTokens(), Math.min(props.chunkOverlapTokens(), props.chunkTokens() - 1), Tokens::estimate);
    }

    Chunker chunker() {
        return chunker;
    }

    /** Thrown when the document was deleted while it was ingested: stop quietly. */
    private static final class Gone extends RuntimeException {
        Gone() {
            super(null, null, false, false);
        }
    }

    private static final class Failed extends Exception {
        final UUID duplicateOf;
        final String outcome;

        Failed(String reason, UUID duplicateOf, String outcome) {
            super(reason, null, false, false);
            this.duplicateOf = duplicateOf;
            this.outcome = outcome;
        }
    }

    void ingest(UUID id) {
        if (!store.claim(id)) return; // taken by another worker, already done, or deleted
        long started = System.nanoTime();
        Progress progress = new Progress(id, started);
        String format = null;
        try {
            LibraryDocument doc = store.find(id).orElseThrow(Gone::new);
            format = doc.format();
            Source source = source(doc);
            format = source.format().label();
            progress.at(5);
            TextExtractor.Extracted extracted;
            try {
                extracted = extractor.extract(source.bytes(), source.format(), source.charset(), source.baseUri());
            } catch (TextExtractor.ExtractionException e) {
                throw new Failed(e.getMessage(), null, "failed");
            }
            if (extracted.text().length() > props.maxTextChars()) {
                throw new Failed("The document's text has " + extracted.text().length() + " characters; the limit is "
                        + props.maxTextChars() + ".", null, "failed");
            }
            progress.at(20);
            String text = extracted.text();
            List<Chunk> chunks = chunker.chunk(0, text);
            if (chunks.isEmpty()) throw new Failed("The document has no sentences to index.", null, "failed");
            progress.at(25);
            List<DocumentStore.NewChunk> stored = new ArrayList<>(chunks.size());
            long embedStarted = System.nanoTime();
            for (int from = 0; from < chunks.size(); from += EMBED_BATCH) {
                List<Chunk> batch = chunks.subList(from, Math.min(chunks.size(), from + EMBED_BATCH));
                float[][] vectors = embedder.embed(batch.stream().map(Chunk::text).toList());
                for (int i = 0; i < batch.size(); i++) {
                    Chunk c = batch.get(i);
                    stored.add(new DocumentStore.NewChunk(from + i, c.start(), c.end(), c.text(), Tokens.estimate(c.text()), vectors[i]));
                }
                progress.at(25 + (int) (70L * stored.size() / chunks.size()));
            }
            long embedNanos = System.nanoTime() - embedStarted;
            String title = store.titleGiven(id) ? doc.title() : title(doc, extracted, text);
            DocumentStore.Ingested ingested = new DocumentStore.Ingested(title, text, format, stored,
                    embedder.modelName(), embedder.modelVersion());
            long storeStarted = System.nanoTime();
            Boolean ok = tx.execute(s -> store.ready(id, ingested));
            long storeNanos = System.nanoTime() - storeStarted;
            if (!Boolean.TRUE.equals(ok)) throw new Gone();
            metrics.ingestion("ready", format, System.nanoTime() - started);
            log.info("Ingested document {} ({}, {} chunks, {} characters) in {} ms (embedding {} ms, storing {} ms)", id, format,
                    stored.size(), text.length(), (System.nanoTime() - started) / 1_000_000, embedNanos / 1_000_000,
                    storeNanos / 1_000_000);
        } catch (Gone e) {
            log.info("Document {} was deleted while it was ingested", id);
        } catch (Failed e) {
            store.fail(id, e.getMessage(), e.duplicateOf);
            metrics.ingestion(e.outcome, format, System.nanoTime() - started);
            log.info("Document {} failed: {}", id, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Ingesting document {} failed unexpectedly", id, e);
            try {
                store.fail(id, "Ingestion failed unexpectedly (" + e.getClass().getSimpleName() + "); it has been logged. Try again.", null);
            } catch (RuntimeException ignored) {
                // the database is away; the sweep will requeue it
            }
            metrics.ingestion("failed", format, System.nanoTime() - started);
        }
    }

    private record Source(byte[] bytes, DocumentFormat format, String charset, String baseUri) {
    }

    private Source source(LibraryDocument doc) throws Failed {
        if ("url".equals(doc.sourceType())) return fetch(doc);
        byte[] bytes = store.source(doc.id()).orElseThrow(() -> new IllegalStateException("no stored source for " + doc.id()));
        DocumentFormat format = DocumentFormat.parse(doc.format()).orElse(DocumentFormat.TEXT);
        return new Source(bytes, format, null, null);
    }

    private Source fetch(LibraryDocument doc) throws Failed {
        SafeFetcher.Response response;
        try {
            response = fetcher.fetch(URI.create(doc.sourceUrl()));
        } catch (FetchException e) {
            throw new Failed(e.getMessage(), null, "failed");
        }
        if (response.body().length == 0) throw new Failed("The URL answered with an empty document.", null, "failed");
        DocumentFormat format = DocumentFormat.ofMediaType(response.mediaType())
                .or(() -> DocumentFormat.sniff(response.body()))
                .orElse(DocumentFormat.HTML);
        if (format == DocumentFormat.TEXT || format == DocumentFormat.MARKDOWN) {
            // text/plain is often a mislabelled download
            Optional<DocumentFormat> sniffed = DocumentFormat.sniff(response.body());
            if (sniffed.isPresent()) format = sniffed.get();
        }
        String hash = sha256(response.body());
        Optional<LibraryDocument> existing = store.findDuplicate(doc.owner(), doc.collection(), hash, doc.id());
        if (existing.isPresent()) throw duplicate(existing.get());
        try {
            store.fetched(doc.id(), hash, response.body().length, response.mediaType(), format.label());
        } catch (DuplicateKeyException e) {
            LibraryDocument other = store.findDuplicate(doc.owner(), doc.collection(), hash, doc.id()).orElse(null);
            if (other != null) throw duplicate(other);
            throw e;
        }
        return new Source(response.body(), format, response.charset(), response.uri().toString());
    }

    private static Failed duplicate(LibraryDocument existing) {
        return new Failed("Duplicate: the same content is already in the collection as document " + existing.id()
                + " ('" + existing.title() + "').", existing.id(), "duplicate");
    }

    /** Writes a document's progress when the last write (or the claim) is at least the interval old. */
    private final class Progress {
        private final UUID id;
        private long lastWrite;

        Progress(UUID id, long claimedAt) {
            this.id = id;
            this.lastWrite = claimedAt;
        }

        void at(int percent) {
            long now = System.nanoTime();
            if (now - lastWrite < PROGRESS_INTERVAL_NANOS) return;
            lastWrite = now;
            if (!store.progress(id, percent)) throw new Gone();
        }
    }

    private static String title(LibraryDocument doc, TextExtractor.Extracted extracted, String text) {
        if (extracted.title() != null && !extracted.title().isBlank()) return clip(extracted.title());
        if (doc.fileName() != null) {
            String name = doc.fileName();
            int dot = name.lastIndexOf('.');
            return clip(dot > 0 ? name.substring(0, dot) : name);
        }
        if (doc.sourceUrl() != null) return clip(doc.sourceUrl());
        return LibraryService.firstWords(text, 10);
    }

    static String clip(String title) {
        String t = title.replaceAll("\\s+", " ").strip();
        return t.length() > 500 ? t.substring(0, 497) + "..." : t;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}

package io.precis.app.library;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import io.precis.admin.web.Problems;
import io.precis.app.observability.MdcTaskDecorator;

/**
 * The Library's documents: adding them (upload, URL, text), which queues them for background ingestion; reading,
 * listing and deleting them. Checks that need no parsing (empty, too large, unsupported type, binary text, a URL
 * to a private address) answer at once with a 4xx problem; everything else ends in the document's status.
 * Documents belong to whoever added them; operators see everyone's. Adding the same content to the same
 * collection again returns the existing document, marked as a duplicate.
 */
@Service
public class LibraryService {
    private static final Logger log = LoggerFactory.getLogger(LibraryService.class);
    private static final Pattern COLLECTION = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:/-]{0,99}");
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 50;

    private final DocumentStore store;
    private final Ingestor ingestor;
    private final SafeFetcher fetcher;
    private final LibraryProperties props;
    private final LibraryMetrics metrics;
    private final ThreadPoolExecutor workers;
    private final TransactionTemplate tx;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "library-sweeper");
        t.setDaemon(true);
        return t;
    });

    private final boolean commandLine;

    LibraryService(DocumentStore store, Ingestor ingestor, SafeFetcher fetcher, LibraryProperties props, LibraryMetrics metrics,
                   @Qualifier(LibraryConfig.INGEST_EXECUTOR) ThreadPoolExecutor workers, PlatformTransactionManager transactions,
                   @Value("${precis.cli.command:}") String cliCommand) {
        this.commandLine = cliCommand != null && !cliCommand.isBlank();
        this.store = store;
        this.ingestor = ingestor;
        this.fetcher = fetcher;
        this.props = props;
        this.metrics = metrics;
        this.workers = workers;
        this.tx = new TransactionTemplate(transactions);
    }

    // ---- adding ----------------------------------------------------------------------------------------------------

    /** Adds text sent as such (JSON {@code {"title","text"}}). */
    public Submission addText(Viewer viewer, String title, String text, String collection, List<String> tags) {
        if (text == null || text.isBlank()) throw Problems.badRequest("'text' is empty: send the document's text, a 'url' or a file.");
        if (text.length() > props.maxTextChars()) {
            throw Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "The text has " + text.length() + " characters; the limit is "
                    + props.maxTextChars() + ".");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String given = cleanTitle(title);
        return submit(viewer, given != null ? given : firstWords(text, 10), given != null, collection, tags, "text", null, null,
                "text/plain", DocumentFormat.TEXT, bytes);
    }

    /**
     * Adds an uploaded file: PDF, HTML, DOCX, Markdown or plain text, recognised by extension, content type and
     * first bytes.
     */
    public Submission addFile(Viewer viewer, String fileName, String contentType, byte[] bytes, String collection,
                              List<String> tags, String title) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        if (bytes == null || bytes.length == 0) throw Problems.badRequest("The file '" + name + "' is empty.");
        if (bytes.length > props.maxFileSize().toBytes()) {
            throw Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "The file '" + name + "' has " + bytes.length + " bytes; the limit is "
                    + props.maxFileSize().toBytes() + " bytes.");
        }
        DocumentFormat format = formatOf(name, contentType, bytes);
        String given = cleanTitle(title);
        String provisional = given != null ? given : Ingestor.clip(stripExtension(name));
        return submit(viewer, provisional, given != null, collection, tags, "upload", null, name,
                contentType == null ? null : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT), format, bytes);
    }

    /** Adds a web page or file by URL: checked now (SSRF rules), fetched in the background. */
    public Submission addUrl(Viewer viewer, String url, String collection, List<String> tags, String title) {
        SafeFetcher.Target target;
        try {
            target = fetcher.check(url);
        } catch (FetchException e) {
            throw Problems.badRequest(e.getMessage());
        }
        String given = cleanTitle(title);
        String normalized = target.uri().toString();
        Optional<LibraryDocument> sameUrl = store.findByUrl(viewer.name(), collection(collection), normalized);
        if (sameUrl.isPresent()) return duplicate(sameUrl.get());
        return submit(viewer, given != null ? given : Ingestor.clip(normalized), given != null, collection, tags, "url",
                normalized, null, null, null, null);
    }

    private Submission submit(Viewer viewer, String title, boolean titleGiven, String collection, List<String> tags,
                              String sourceType, String url, String fileName, String mediaType, DocumentFormat format, byte[] bytes) {
        String coll = collection(collection);
        List<String> tagList = tags(tags);
        String hash = bytes == null ? null : Ingestor.sha256(bytes);
        if (hash != null) {
            Optional<LibraryDocument> existing = store.findDuplicate(viewer.name(), coll, hash, null);
            if (existing.isPresent()) return duplicate(existing.get());
        }
        if (workers.getQueue().remainingCapacity() == 0) throw busy();
        UUID id = UUID.randomUUID();
        try {
            tx.executeWithoutResult(s -> {
                store.insert(id, viewer.name(), title, titleGiven, coll, tagList, sourceType, url, fileName, mediaType,
                        format == null ? null : format.label(), hash, bytes == null ? null : (long) bytes.length);
                if (bytes != null) store.saveSource(id, bytes);
            });
        } catch (DuplicateKeyException e) {
            Optional<LibraryDocument> existing = store.findDuplicate(viewer.name(), coll, hash, null);
            if (existing.isPresent()) return duplicate(existing.get());
            throw e;
        }
        try {
            enqueue(id);
        } catch (RejectedExecutionException e) {
            store.delete(id);
            throw busy();
        }
        metrics.changed();
        return new Submission(store.find(id).orElseThrow(), false, "Queued for ingestion.");
    }

    /**
     * Adds text and ingests it in the caller's thread, bypassing the queue (evaluation and batch jobs); returns the
     * document as it ended, ready or failed, or the existing one when the content is a duplicate.
     */
    public LibraryDocument ingestNow(Viewer viewer, String title, String text, String collection) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String coll = collection(collection);
        String hash = Ingestor.sha256(bytes);
        Optional<LibraryDocument> existing = store.findDuplicate(viewer.name(), coll, hash, null);
        if (existing.isPresent()) return existing.get();
        UUID id = UUID.randomUUID();
        String t = title == null || title.isBlank() ? firstWords(text, 10) : Ingestor.clip(title);
        tx.executeWithoutResult(s -> {
            store.insert(id, viewer.name(), t, true, coll, List.of(), "text", null, null, "text/plain",
                    DocumentFormat.TEXT.label(), hash, (long) bytes.length);
            store.saveSource(id, bytes);
        });
        ingestor.ingest(id);
        metrics.changed();
        return store.find(id).orElseThrow();
    }

    /**
     * Fetches a URL and ingests it in the caller's thread (research jobs): the document as it ended, ready or
     * failed, or the existing one when the URL is already in the collection.
     *
     * @throws FetchException when the URL is refused before anything is stored (SSRF rules)
     */
    public LibraryDocument ingestUrlNow(Viewer viewer, String url, String collection) throws FetchException {
        String normalized = fetcher.check(url).uri().toString();
        String coll = collection(collection);
        Optional<LibraryDocument> sameUrl = store.findByUrl(viewer.name(), coll, normalized);
        if (sameUrl.isPresent()) return sameUrl.get();
        UUID id = UUID.randomUUID();
        store.insert(id, viewer.name(), Ingestor.clip(normalized), false, coll, List.of(), "url", normalized, null, null, null, null, null);
        ingestor.ingest(id);
        metrics.changed();
        return store.find(id).orElseThrow();
    }

    private static Submission duplicate(LibraryDocument existing) {
        return new Submission(existing, true, "Already in the library: the same content is in collection '" + existing.collection()
                + "' as document " + existing.id() + " ('" + existing.title() + "'); nothing was added.");
    }

    private static ErrorResponseException busy() {
        ErrorResponseException e = Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "The ingestion queue is full; try again in a minute.");
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
        return e;
    }

    private void enqueue(UUID id) {
        workers.execute(MdcTaskDecorator.carry(() -> ingestor.ingest(id)));
    }

    /** Picks up work a previous run left queued or processing (after a restart), then checks every 5 minutes. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterruptedWork() {
        if (commandLine) return; // a one-off command (./precis api-key, eval-retrieval) must not take the server's work
        sweeper.execute(() -> sweep(0));
        sweeper.scheduleWithFixedDelay(() -> sweep(600), 5, 5, TimeUnit.MINUTES);
    }

    /**
     * Re-queues queued documents untouched for {@code queuedSeconds} and processing ones untouched for 10 minutes.
     * Claiming is atomic, so work queued twice (another instance, a restart) is still done once.
     */
    void sweep(int queuedSeconds) {
        try {
            for (UUID id : store.stalled(queuedSeconds, 600)) {
                if (workers.getQueue().remainingCapacity() == 0) return;
                store.requeue(id);
                enqueue(id);
                log.info("Re-queued interrupted ingestion of document {}", id);
            }
        } catch (RuntimeException e) {
            log.warn("Could not re-queue interrupted ingestions: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    public Optional<LibraryDocument> find(UUID id, Viewer viewer) {
        return store.find(id).filter(d -> viewer.sees(d.owner()));
    }

    /** Newest first; {@code collection}, {@code status} and {@code titleContains} are optional filters. */
    public DocumentPage list(Viewer viewer, String collection, String status, String titleContains, int page, int size) {
        if (page < 0 || size < 1 || size > 200) throw Problems.badRequest("'page' must be 0 or more and 'size' between 1 and 200.");
        String st = status == null || status.isBlank() ? null : status.strip().toLowerCase(Locale.ROOT);
        if (st != null && !Set.of(LibraryDocument.QUEUED, LibraryDocument.PROCESSING, LibraryDocument.READY, LibraryDocument.FAILED).contains(st)) {
            throw Problems.badRequest("'status' must be queued, processing, ready or failed, not '" + status + "'.");
        }
        String coll = collection == null || collection.isBlank() ? null : collection.strip();
        return store.page(viewer, coll, st, titleContains, page, size);
    }

    public List<String> collections(Viewer viewer) {
        return store.collections(viewer);
    }

    /** The document's chunks in order; empty until it is ready. */
    public List<DocumentChunk> chunks(UUID id, Viewer viewer) {
        find(id, viewer).orElseThrow(() -> Problems.notFound("document", id));
        return store.chunks(id);
    }

    /** The extracted text of a ready document (what chunk offsets point into). */
    public Optional<String> text(UUID id, Viewer viewer) {
        return find(id, viewer).flatMap(d -> store.text(id));
    }

    /** Deletes a document with its chunks; false when there is no such document the viewer may see. */
    public boolean delete(UUID id, Viewer viewer) {
        Optional<LibraryDocument> doc = find(id, viewer);
        if (doc.isEmpty()) return false;
        boolean deleted = store.delete(id);
        metrics.changed();
        return deleted;
    }

    /** Documents waiting for or in ingestion, for the UI's progress. */
    public int pendingIngestions() {
        return workers.getQueue().size() + workers.getActiveCount();
    }

    // ---- validation ------------------------------------------------------------------------------------------------

    String collection(String collection) {
        if (collection == null || collection.isBlank()) return props.defaultCollection();
        String c = collection.strip();
        if (!COLLECTION.matcher(c).matches()) {
            throw Problems.badRequest("'collection' must be 1 to 100 letters, digits, spaces or . _ : / -, starting with a letter or digit.");
        }
        return c;
    }

    static List<String> tags(List<String> tags) {
        if (tags == null) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null) continue;
            for (String t : tag.split(",")) {
                String s = t.strip();
                if (s.isEmpty()) continue;
                if (s.length() > MAX_TAG_LENGTH) throw Problems.badRequest("A tag may have at most " + MAX_TAG_LENGTH + " characters: '" + s + "'.");
                out.add(s);
            }
        }
        if (out.size() > MAX_TAGS) throw Problems.badRequest("A document may have at most " + MAX_TAGS + " tags, not " + out.size() + ".");
        return new ArrayList<>(out);
    }

    private static String cleanTitle(String title) {
        if (title == null || title.isBlank()) return null;
        return Ingestor.clip(title);
    }

    private DocumentFormat formatOf(String name, String contentType, byte[] bytes) {
        Optional<DocumentFormat> byName = DocumentFormat.ofFileName(name);
        Optional<DocumentFormat> sniffed = DocumentFormat.sniff(bytes);
        DocumentFormat format = byName.or(() -> sniffed).or(() -> DocumentFormat.ofMediaType(contentType)).orElseThrow(() ->
                Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "'" + name + "' is not a supported file type: upload PDF, HTML, "
                        + "DOCX, Markdown (.md) or plain text (.txt)."));
        switch (format) {
            case PDF -> {
                if (sniffed.orElse(null) != DocumentFormat.PDF) {
                    throw Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "'" + name + "' is not a PDF: it does not start with %PDF-.");
                }
            }
            case DOCX -> {
                if (sniffed.orElse(null) != DocumentFormat.DOCX) {
                    throw Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "'" + name + "' is not a Word document (.docx): it is not a zip archive.");
                }
            }
            case TEXT, MARKDOWN, HTML -> {
                if (sniffed.isPresent() || TextExtractor.looksBinary(bytes) && !hasUtf16Bom(bytes)) {
                    throw Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "'" + name + "' is not text: its content looks like binary data"
                            + sniffed.map(f -> " (a " + f.label().toUpperCase(Locale.ROOT) + " file?)").orElse("") + ".");
                }
            }
        }
        return format;
    }

    private static boolean hasUtf16Bom(byte[] b) {
        return b.length >= 2 && (((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) || ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE));
    }

    private static String stripExtension(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String base = slash >= 0 ? name.substring(slash + 1) : name;
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    static String firstWords(String text, int n) {
        String[] words = text.strip().split("\\s+", n + 1);
        String joined = String.join(" ", java.util.Arrays.copyOf(words, Math.min(n, words.length)));
        return Ingestor.clip(words.length > n ? joined + "…" : joined);
    }
}

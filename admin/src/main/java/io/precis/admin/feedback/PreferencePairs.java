package io.precis.admin.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.precis.admin.web.Problems;
import io.precis.inference.reward.PreferencePair;

/**
 * Preference pairs: two summaries of the same input, one preferred. They come from side-by-side comparisons (texts
 * or two stored summaries), from edits (the analyst's text over the original) and from corrections in the review
 * queue. Each pair is a frozen copy; the same judgement twice is refused as a duplicate.
 */
@Service
public class PreferencePairs {
    public static final int MAX_TEXT = 50_000;

    /** {@code inputs} (a text or a list of texts) with {@code chosen} and {@code rejected}, or two summary ids. */
    public record PreferenceRequest(JsonNode inputs, String chosen, String rejected, UUID chosenSummaryId,
            UUID rejectedSummaryId) {
    }

    /** A stored pair, as the API returns it. */
    public record StoredPair(long id, String source, List<String> inputs, String chosen, String rejected,
            String modelVersion, String strategy) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final FeedbackSubjects subjects;

    PreferencePairs(JdbcTemplate jdbc, ObjectMapper json, FeedbackSubjects subjects) {
        this.jdbc = jdbc;
        this.json = json;
        this.subjects = subjects;
    }

    @Transactional
    public StoredPair record(PreferenceRequest request, String author, boolean seesAll) {
        if (request == null) throw Problems.badRequest("Send {\"inputs\",\"chosen\",\"rejected\"} or {\"chosenSummaryId\",\"rejectedSummaryId\"}.");
        if (request.chosenSummaryId() != null || request.rejectedSummaryId() != null) {
            return fromSummaries(request, author, seesAll);
        }
        List<String> inputs = texts(request.inputs());
        String chosen = required(request.chosen(), "chosen");
        String rejected = required(request.rejected(), "rejected");
        return store("comparison", author, inputs, chosen, rejected, null, null, null, null);
    }

    /** An analyst's edit of a summary: the edited text is preferred over the original. */
    @Transactional
    public StoredPair fromEdit(UUID summaryId, String editedText, String author, boolean seesAll) {
        if (summaryId == null) throw Problems.badRequest("'summaryId' is required.");
        String edited = required(editedText, "text");
        Snapshot original = snapshot(summaryId, author, seesAll);
        return store("edit", author, original.documents(), edited, original.summary(), null, summaryId,
                original.modelVersion(), original.strategy());
    }

    /** Used by the review queue: a correction of a feedback item's summary, from its frozen snapshot. */
    StoredPair fromCorrection(Map<String, Object> snapshot, UUID summaryId, String corrected, String author) {
        Snapshot original = read(snapshot);
        return store("edit", author, original.documents(), required(corrected, "correctedText"), original.summary(),
                null, summaryId, original.modelVersion(), original.strategy());
    }

    /** Pairs for training and the DPO export: all but those a reviewer rejected or flagged. */
    public List<PreferencePair> forTraining() {
        return usable().stream().map(p -> new PreferencePair(p.inputs(), p.chosen(), p.rejected())).toList();
    }

    public List<StoredPair> usable() {
        return jdbc.query("""
                select id, source, inputs::text, chosen, rejected, model_version, strategy from preference_pairs
                where label is null or label = 'accepted' order by id""", (rs, n) -> new StoredPair(rs.getLong(1),
                rs.getString(2), readTexts(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
    }

    public int count() {
        return jdbc.queryForObject("select count(*) from preference_pairs", Integer.class);
    }

    private StoredPair fromSummaries(PreferenceRequest request, String author, boolean seesAll) {
        if (request.chosenSummaryId() == null || request.rejectedSummaryId() == null) {
            throw Problems.badRequest("Give both 'chosenSummaryId' and 'rejectedSummaryId'.");
        }
        if (request.inputs() != null || request.chosen() != null || request.rejected() != null) {
            throw Problems.badRequest("Give either summary ids or 'inputs', 'chosen' and 'rejected' texts, not both.");
        }
        Snapshot chosen = snapshot(request.chosenSummaryId(), author, seesAll);
        Snapshot rejected = snapshot(request.rejectedSummaryId(), author, seesAll);
        if (!chosen.documents().equals(rejected.documents())) {
            throw Problems.badRequest("The two summaries are of different inputs; a preference compares summaries of the same documents.");
        }
        return store("comparison", author, chosen.documents(), chosen.summary(), rejected.summary(),
                request.chosenSummaryId(), request.rejectedSummaryId(), chosen.modelVersion(), chosen.strategy());
    }

    private StoredPair store(String source, String author, List<String> inputs, String chosen, String rejected,
            UUID chosenSummary, UUID rejectedSummary, String modelVersion, String strategy) {
        if (chosen.strip().equals(rejected.strip())) {
            throw Problems.badRequest("'chosen' and 'rejected' are the same text; a preference needs two different summaries.");
        }
        String inputsJson = write(inputs);
        String hash = contentHash(inputsJson, chosen.strip(), rejected.strip());
        try {
            long id = jdbc.queryForObject("""
                    insert into preference_pairs (author, source, inputs, chosen, rejected, chosen_summary, rejected_summary,
                                                  model_version, strategy, content_hash)
                    values (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, author, source, inputsJson,
                    chosen.strip(), rejected.strip(), chosenSummary, rejectedSummary, modelVersion, strategy, hash);
            return new StoredPair(id, source, inputs, chosen.strip(), rejected.strip(), modelVersion, strategy);
        } catch (DuplicateKeyException e) {
            throw Problems.of(HttpStatus.CONFLICT, "This preference (same inputs, chosen and rejected) is already recorded.");
        }
    }

    private record Snapshot(List<String> documents, String summary, String modelVersion, String strategy) {
    }

    private Snapshot snapshot(UUID summaryId, String requester, boolean seesAll) {
        return read(subjects.snapshot(summaryId, requester, seesAll).orElseThrow(() -> Problems.notFound("summary", summaryId)));
    }

    private Snapshot read(Map<String, Object> snapshot) {
        JsonNode node = json.valueToTree(snapshot);
        List<String> documents = new ArrayList<>();
        node.path("documents").forEach(d -> documents.add(d.path("text").asText()));
        return new Snapshot(documents, node.path("summary").asText(), node.path("model").path("name").asText() + ":"
                + node.path("model").path("version").asText(), node.path("strategy").asText(null));
    }

    private static List<String> texts(JsonNode inputs) {
        if (inputs == null || inputs.isNull()) {
            throw Problems.badRequest("'inputs' is required: the text (or list of texts) both summaries summarise.");
        }
        List<String> texts = new ArrayList<>();
        if (inputs.isTextual()) {
            texts.add(inputs.asText());
        } else if (inputs.isArray()) {
            inputs.forEach(t -> {
                if (!t.isTextual()) throw Problems.badRequest("'inputs' must be a text or a list of texts.");
                texts.add(t.asText());
            });
        } else {
            throw Problems.badRequest("'inputs' must be a text or a list of texts.");
        }
        if (texts.isEmpty() || texts.stream().anyMatch(String::isBlank)) {
            throw Problems.badRequest("'inputs' must hold at least one text, and no blank one.");
        }
        if (texts.stream().mapToInt(String::length).sum() > 20 * MAX_TEXT) {
            throw Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "'inputs' is over " + 20 * MAX_TEXT + " characters.");
        }
        return texts;
    }

    private static String required(String text, String field) {
        if (text == null || text.isBlank()) throw Problems.badRequest("'" + field + "' is required and may not be blank.");
        if (text.length() > MAX_TEXT) throw Problems.badRequest("'" + field + "' has " + text.length() + " characters; the limit is " + MAX_TEXT + ".");
        return text;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<String> readTexts(String array) {
        try {
            return List.of(json.readValue(array, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 that makes the same judgement twice a duplicate; {@code inputsJson} as Jackson writes the list. */
    static String contentHash(String inputsJson, String chosen, String rejected) {
        return sha256(inputsJson + '\0' + chosen + '\0' + rejected);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

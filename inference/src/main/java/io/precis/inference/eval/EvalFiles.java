package io.precis.inference.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads evaluation files (JSONL, {@code shared/data/eval/README.md}) and prediction files, failing with the file
 * name and line number of the first bad line. Blank lines are skipped.
 */
public final class EvalFiles {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EvalFiles() {
    }

    /**
     * Reads {@code {"id", "documents": [text, ...], "reference": text}} lines; {@code "references": [text, ...]}
     * (several references, as in DialogSum) takes precedence over {@code "reference"}.
     *
     * @param limit read at most this many examples (0 or less: all)
     * @throws EvalInputException naming the file and line of bad JSON, a missing or mistyped field, or a duplicate id
     */
    public static List<EvalExample> readExamples(Path file, int limit) {
        List<EvalExample> examples = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        forEachLine(file, (line, node) -> {
            if (limit > 0 && examples.size() >= limit) {
                return false;
            }
            String name = file.toString();
            String id = requiredText(node, "id", name, line);
            Integer previous = seen.putIfAbsent(id, line);
            if (previous != null) {
                throw EvalInputException.at(name, line, "duplicate id \"" + id + "\" (first on line " + previous + ")");
            }
            List<String> documents = textArray(node, "documents", name, line);
            if (documents == null) {
                throw EvalInputException.at(name, line, "missing field \"documents\" (an array of texts)");
            }
            if (documents.isEmpty() || documents.stream().allMatch(String::isBlank)) {
                throw EvalInputException.at(name, line, "\"documents\" holds no text");
            }
            List<String> references = textArray(node, "references", name, line);
            if (references == null) {
                if (!node.hasNonNull("reference")) {
                    throw EvalInputException.at(name, line,
                            "missing field \"reference\" (a text) or \"references\" (an array of texts)");
                }
                references = List.of(requiredText(node, "reference", name, line));
            } else if (references.isEmpty()) {
                throw EvalInputException.at(name, line, "\"references\" is empty");
            }
            examples.add(new EvalExample(id, documents, references, line));
            return true;
        });
        if (examples.isEmpty()) {
            throw new EvalInputException(file + ": no examples");
        }
        return examples;
    }

    /** One prediction: its summary and the line it came from. */
    public record Prediction(String id, String summary, int line) {
    }

    /**
     * Reads {@code {"id", "summary"}} lines, keyed by id in file order.
     *
     * @throws EvalInputException naming the file and line of bad JSON, a missing field or a duplicate id
     */
    public static Map<String, Prediction> readPredictions(Path file) {
        Map<String, Prediction> predictions = new LinkedHashMap<>();
        forEachLine(file, (line, node) -> {
            String name = file.toString();
            String id = requiredText(node, "id", name, line);
            if (!node.has("summary") || !node.get("summary").isTextual()) {
                throw EvalInputException.at(name, line, "missing field \"summary\" (a text)");
            }
            Prediction previous = predictions.putIfAbsent(id, new Prediction(id, node.get("summary").asText(), line));
            if (previous != null) {
                throw EvalInputException.at(name, line,
                        "duplicate id \"" + id + "\" (first on line " + previous.line() + ")");
            }
            return true;
        });
        return predictions;
    }

    interface LineHandler {
        /** @return false to stop reading */
        boolean accept(int line, JsonNode node);
    }

    /** Reads a JSONL file object by object; errors name the file and line. */
    static void forEachLine(Path file, LineHandler handler) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw EvalInputException.at(file.toString(), line, "not valid JSON: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    throw EvalInputException.at(file.toString(), line, "expected a JSON object");
                }
                if (!handler.accept(line, node)) {
                    return;
                }
            }
        } catch (NoSuchFileException e) {
            throw new EvalInputException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new EvalInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new EvalInputException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static String requiredText(JsonNode node, String field, String file, int line) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw EvalInputException.at(file, line, "missing field \"" + field + "\"");
        }
        if (!value.isTextual()) {
            throw EvalInputException.at(file, line, "\"" + field + "\" must be a string");
        }
        if ("id".equals(field) && value.asText().isBlank()) {
            throw EvalInputException.at(file, line, "\"id\" is blank");
        }
        return value.asText();
    }

    /** The array of strings in {@code field}, or null when the field is absent. */
    private static List<String> textArray(JsonNode node, String field, String file, int line) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw EvalInputException.at(file, line, "\"" + field + "\" must be an array of strings");
        }
        List<String> texts = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw EvalInputException.at(file, line, "\"" + field + "\"[" + i + "] must be a string");
            }
            texts.add(value.get(i).asText());
        }
        return texts;
    }
}

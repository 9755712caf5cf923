package io.precis.admin.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Training sets from feedback, one JSON object a line: SFT {@code {"prompt","completion"}} from accepted and
 * corrected summaries, DPO {@code {"prompt","chosen","rejected"}} (the format TRL's DPOTrainer reads) from the usable
 * preference pairs. The prompt is the documents, each under its number, after one instruction line.
 */
@Service
public class Datasets {
    static final String INSTRUCTION = "Summarise the following documents faithfully.";

    private final ReviewQueue queue;
    private final PreferencePairs pairs;
    private final ObjectMapper json;

    Datasets(ReviewQueue queue, PreferencePairs pairs, ObjectMapper json) {
        this.queue = queue;
        this.pairs = pairs;
        this.json = json;
    }

    public int writeSft(Writer out) {
        int n = 0;
        for (String[] example : queue.sftExamples()) {
            List<String> documents = new ArrayList<>();
            json.valueToTree(queue.read(example[0])).path("documents").forEach((JsonNode d) -> documents.add(d.path("text").asText()));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("prompt", prompt(documents));
            line.put("completion", example[1]);
            writeLine(out, line);
            n++;
        }
        return n;
    }

    public int writeDpo(Writer out) {
        int n = 0;
        for (PreferencePairs.StoredPair pair : pairs.usable()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("prompt", prompt(pair.inputs()));
            line.put("chosen", pair.chosen());
            line.put("rejected", pair.rejected());
            writeLine(out, line);
            n++;
        }
        return n;
    }

    static String prompt(List<String> documents) {
        StringBuilder prompt = new StringBuilder(INSTRUCTION);
        for (int i = 0; i < documents.size(); i++) {
            prompt.append("\n\nDocument ").append(i + 1).append(":\n").append(documents.get(i));
        }
        return prompt.toString();
    }

    private void writeLine(Writer out, Map<String, Object> line) {
        try {
            out.write(json.writeValueAsString(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

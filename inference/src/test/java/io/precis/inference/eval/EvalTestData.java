package io.precis.inference.eval;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the evaluation test data bundled under {@code src/test/resources/eval}. */
final class EvalTestData {

    static final ObjectMapper JSON = new ObjectMapper();

    private EvalTestData() {
    }

    /** Bytes of the classpath resource {@code eval/NAME}, or null when it is not bundled. */
    static byte[] bundled(String name) {
        try (InputStream in = EvalTestData.class.getClassLoader().getResourceAsStream("eval/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the test resource {@code eval/NAME}; fails the test when it is missing. */
    static String bundledText(String name) {
        byte[] bytes = bundled(name);
        if (bytes == null) fail("Test resource eval/" + name + " is missing");
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static List<JsonNode> jsonLines(String content) {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : content.split("\n")) {
            if (!line.isBlank()) {
                try {
                    rows.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("Bad JSON line: " + line, e);
                }
            }
        }
        return rows;
    }

}

package io.precis.inference.eval;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds and reads the evaluation data: bundled test resources first, else {@code shared/data/eval}. */
final class EvalTestData {

    static final ObjectMapper JSON = new ObjectMapper();

    private EvalTestData() {
    }

    /**
     * The project root: the first directory at or above {@code user.dir} holding the {@code precis} script and
     * the {@code inference/} module. Fails the test when there is none.
     */
    static Path projectRoot() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("precis")) && Files.isDirectory(dir.resolve("inference"))) {
                return dir;
            }
        }
        return fail("No project root (a directory with the 'precis' script and 'inference/') at or above " + start);
    }

    /** {@code shared/data/eval/NAME} beside the project root; fails the test with the path when it is missing. */
    static Path sharedEvalFile(String name) {
        Path file = projectRoot().resolve("../shared/data/eval").resolve(name).normalize();
        if (!Files.isRegularFile(file)) {
            fail("Evaluation data file missing: " + file
                    + " (expected shared/data/eval/" + name + " beside the project root)");
        }
        return file;
    }

    /** Bytes of the classpath resource {@code eval/NAME}, or null when it is not bundled. */
    static byte[] bundled(String name) {
        try (InputStream in = EvalTestData.class.getClassLoader().getResourceAsStream("eval/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled copy of {@code eval/NAME} when there is one, else the shared file (failing when missing). */
    static String bundledOrShared(String name) {
        byte[] bytes = bundled(name);
        if (bytes != null) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(sharedEvalFile(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    static List<JsonNode> jsonLines(Path file) {
        try {
            return jsonLines(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

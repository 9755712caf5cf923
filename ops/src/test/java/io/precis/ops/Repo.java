package io.precis.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Paths of the repository the ops checks look at. */
final class Repo {
    static final Path ROOT = findRoot();
    static final Path CHART = ROOT.resolve("helm/precis");
    static final Path OPS = ROOT.resolve("ops");
    static final Path RULES = OPS.resolve("prometheus/rules");
    static final Path RULE_TESTS = OPS.resolve("prometheus/tests");
    static final Path GRAFANA = OPS.resolve("grafana");
    static final Path ALERTMANAGER = OPS.resolve("alertmanager/alertmanager.yml");
    static final Path RUNBOOKS = ROOT.resolve("runbooks");
    static final Path WORKFLOWS = ROOT.resolve(".github/workflows");
    static final Path WORK = OPS.resolve("target/ops-checks");

    private Repo() {
    }

    private static Path findRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("helm/precis/Chart.yaml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root (with helm/precis/Chart.yaml) not found above " + Paths.get("").toAbsolutePath());
    }

    static List<Path> list(Path dir, String glob) {
        List<Path> result = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(result::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.sort(null);
        return result;
    }

    static Path work(String name) {
        try {
            Path dir = WORK.resolve(name);
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> walk(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.precis.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * netlify-web, the public static site: {@code npm ci}, its Vitest component tests, the type check and production
 * build, the Content-Security-Policy generated from VITE_API_URL, and netlify.toml. Node and npm are required: a
 * missing one fails the build rather than skipping it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetlifyWebTest {
    static final Path WEB = Repo.ROOT.resolve("netlify-web");
    static final String API = "https://api.precis.example.org";

    @BeforeAll
    static void install() {
        Tools.require("node", "apt-get install nodejs npm");
        Tools.require("npm", "apt-get install npm");
        Tools.Result r = Tools.run(WEB, 180, "npm", "ci", "--no-audit", "--no-fund");
        assertThat(r.exitCode()).as("npm ci:\n%s", r.output()).isZero();
    }

    @Test
    @Order(1)
    void componentTestsPass() {
        Tools.Result r = Tools.run(WEB, 120, "npm", "test", "--", "--run");
        assertThat(r.exitCode()).as("vitest:\n%s", r.output()).isZero();
        assertThat(r.output()).containsPattern("Tests\\s+.*\\d+ passed").doesNotContain("failed");
    }

    @Test
    @Order(2)
    void productionBuildCarriesTheApiOriginIntoTheBundleAndTheCsp() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("npm", "run", "build").directory(WEB.toFile()).redirectErrorStream(true);
        pb.environment().put("VITE_API_URL", API + "/");
        Path log = Files.createTempFile("netlify-web-build", ".log");
        Process p = pb.redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("build finished").isTrue();
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        assertThat(p.exitValue()).as("npm run build:\n%s", output).isZero();

        Path dist = WEB.resolve("dist");
        assertThat(dist.resolve("index.html")).exists();
        String headers = Files.readString(dist.resolve("_headers"));
        assertThat(headers).contains("Content-Security-Policy:", "connect-src 'self' " + API + ";", "frame-ancestors 'none'",
                "script-src 'self';").doesNotContain("unsafe-inline", "unsafe-eval");
        try (var assets = Files.list(dist.resolve("assets"))) {
            assertThat(assets.filter(f -> f.toString().endsWith(".js")).anyMatch(f -> Repo.read(f).contains(API)))
                    .as("VITE_API_URL compiled into the bundle").isTrue();
        }
    }

    @Test
    void netlifyTomlHasBuildSpaFallbackAndHardeningHeaders() {
        String toml = Repo.read(WEB.resolve("netlify.toml"));
        assertThat(toml).contains("command = \"npm ci && npm run build\"", "publish = \"dist\"", "from = \"/*\"",
                "to = \"/index.html\"", "status = 200", "X-Content-Type-Options = \"nosniff\"", "Referrer-Policy",
                "X-Frame-Options = \"DENY\"", "Permissions-Policy", "Strict-Transport-Security");
    }

    @Test
    void lockFileIsCommittedAndMatchesPackageJson() throws Exception {
        JsonNode lock = new ObjectMapper().readTree(WEB.resolve("package-lock.json").toFile());
        JsonNode pkg = new ObjectMapper().readTree(WEB.resolve("package.json").toFile());
        assertThat(lock.path("packages").path("").path("devDependencies")).isEqualTo(pkg.path("devDependencies"));
        assertThat(lock.path("packages").path("").path("dependencies")).isEqualTo(pkg.path("dependencies"));
    }
}

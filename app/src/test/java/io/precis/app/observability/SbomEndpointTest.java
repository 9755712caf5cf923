package io.precis.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/** The build's CycloneDX SBOM (cyclonedx-maven-plugin, bound by the Spring Boot parent) is served on the management port only. */
@PrecisIntegrationTest
class SbomEndpointTest {
    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void theApplicationSbomIsServedOnTheManagementPort() {
        // cyclonedx-maven-plugin declares requiresOnline: an offline build (mvn -o) skips it. ./precis test and CI build online.
        Assumptions.assumeTrue(getClass().getResource("/META-INF/sbom/application.cdx.json") != null,
                "no SBOM on the classpath: this build ran offline, where cyclonedx-maven-plugin does not run");
        Api management = new Api(managementPort);
        assertThat(management.get("/actuator/sbom", Map.of()).body()).contains("\"application\"");
        var sbom = management.get("/actuator/sbom/application", Map.of());
        assertThat(sbom.status()).isEqualTo(200);
        assertThat(sbom.json().path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(sbom.json().path("components").toString()).contains("spring-boot", "vaadin", "langchain4j");

        assertThat(new Api(port).get("/actuator/sbom/application", Map.of()).body()).doesNotContain("CycloneDX");
    }
}

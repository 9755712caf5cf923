package io.precis.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.Api;
import io.precis.app.support.PrecisIntegrationTest;

/** Adjudicating preference pairs over REST: swap, reject (out of the DPO export), and the bad inputs. */
@PrecisIntegrationTest
class PairAdjudicationApiTest {
    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;

    @Test
    void swapRejectAndBadInput() {
        Api api = new Api(port);
        String tok = UUID.randomUUID().toString().substring(0, 8);
        String analyst = keys.create("pairs-analyst-" + tok, Role.ANALYST, "test").secret();
        String operator = keys.create("pairs-operator-" + tok, Role.OPERATOR, "test").secret();
        String input = "The council approved the harbour plan " + tok + ". Work starts in spring. The yard closes.";
        String better = "The council approved the harbour plan " + tok + ".";
        String worse = "The yard closes " + tok + ".";
        long id = api.postJson("/api/v1/feedback/preferences", Map.of("inputs", List.of(input), "chosen", worse, "rejected", better), analyst)
                .json().get("id").asLong();
        String path = "/api/v1/admin/feedback/pairs/" + id + "/adjudication";

        var swapped = api.postJson(path, Map.of("decision", "swapped"), operator);
        assertThat(swapped.status()).as(swapped.body()).isEqualTo(200);
        assertThat(swapped.json().get("chosen").asText()).isEqualTo(better);
        assertThat(swapped.json().get("rejected").asText()).isEqualTo(worse);
        assertThat(swapped.json().get("label").asText()).isEqualTo("accepted");
        assertThat(swapped.json().get("source").asText()).isEqualTo("adjudicated");
        assertThat(api.getWithKey("/api/v1/admin/datasets/dpo", operator).body()).contains("\"chosen\":\"" + better + "\"");
        // the same judgement the right way round is now a duplicate
        assertThat(api.postJson("/api/v1/feedback/preferences", Map.of("inputs", List.of(input), "chosen", better, "rejected", worse), analyst)
                .status()).isEqualTo(409);
        var listed = api.getWithKey("/api/v1/admin/feedback/pairs?q=" + tok, operator);
        assertThat(listed.json()).hasSize(1);

        // a swap onto a pair that exists already is a conflict, not a 500
        long reversed = api.postJson("/api/v1/feedback/preferences", Map.of("inputs", List.of(input), "chosen", worse, "rejected", better), analyst)
                .json().get("id").asLong();
        Api.assertProblem(api.postJson("/api/v1/admin/feedback/pairs/" + reversed + "/adjudication", Map.of("decision", "swapped"), operator),
                409, "already recorded");

        var rejected = api.postJson(path, Map.of("decision", "rejected"), operator);
        assertThat(rejected.json().get("label").asText()).isEqualTo("rejected");
        assertThat(api.getWithKey("/api/v1/admin/datasets/dpo", operator).body()).doesNotContain("\"chosen\":\"" + better + "\"");

        Api.assertProblem(api.postJson(path, Map.of("decision", "maybe"), operator), 400, "'decision' must be one of");
        Api.assertProblem(api.postJson("/api/v1/admin/feedback/pairs/987654321/adjudication", Map.of("decision", "accepted"), operator),
                404, "No preference pair");
        assertThat(api.postJson(path, Map.of("decision", "accepted"), analyst).status()).isEqualTo(403);
    }
}

package io.precis.app.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.precis.app.security.ApiKeyService;
import io.precis.app.security.Role;
import io.precis.app.support.PrecisIntegrationTest;

/**
 * A job whose instance died mid-run (status running, lease expired, some steps recorded) is claimed again and resumes
 * after its last finished step without redoing it; a job that keeps dying gives up.
 */
@PrecisIntegrationTest
class ResearchResumeTest {
    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService keys;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aJobLeftRunningByADeadInstanceResumesFromItsLastFinishedStep() throws Exception {
        ResearchClient analyst = new ResearchClient(port, keys.create("research-resume-" + UUID.randomUUID(), Role.ANALYST, "test").secret());
        String collection = "resume-" + UUID.randomUUID();
        analyst.addDocuments(collection, ResearchApiTest.HARBOUR);
        String id = analyst.submitted(Map.of("question", "What does a harbour authority do?", "depth", 2, "breadth", 1,
                "collection", collection, "provider", "library"));
        assertThat(analyst.awaitEnd(id).path("status").asText()).isEqualTo("done");

        // The instance "dies" after planning and the first search: its plan is one only this test could have made.
        UUID job = UUID.fromString(id);
        String custom = "Who pays for dredging the harbour channel?";
        jdbc.update("UPDATE research_steps SET output = jsonb_build_object('subQuestions', jsonb_build_array(?::text), 'planner', 'recorded') "
                + "WHERE job_id = ? AND name = 'plan'", custom, job);
        jdbc.update("DELETE FROM research_steps WHERE job_id = ? AND name NOT IN ('plan', 'pinned', 'search-1')", job);
        jdbc.update("DELETE FROM research_sources WHERE job_id = ?", job);
        jdbc.update("UPDATE research_steps SET output = jsonb_set(output, '{hits}', '[]'::jsonb) WHERE job_id = ? AND name = 'search-1'", job);
        Timestamp planned = jdbc.queryForObject("SELECT finished_at FROM research_steps WHERE job_id = ? AND name = 'plan'", Timestamp.class, job);
        Timestamp searched = jdbc.queryForObject("SELECT finished_at FROM research_steps WHERE job_id = ? AND name = 'search-1'", Timestamp.class, job);
        jdbc.update("UPDATE research_jobs SET status = 'searching', progress = 40, report = NULL, finished_at = NULL, "
                + "lease_owner = 'worker-dead', lease_until = now() - interval '1 second' WHERE id = ?", job);

        JsonNode resumed = analyst.awaitEnd(id);
        assertThat(resumed.path("status").asText()).as(resumed.toPrettyString()).isEqualTo("done");
        assertThat(resumed.path("attempts").asInt()).isEqualTo(2);
        assertThat(resumed.path("log").findValuesAsText("message")).contains("Resumed after a restart (attempt 2); 3 steps were already done.");
        assertThat(resumed.path("plan").get(0).path("subQuestions").get(0).asText()).isEqualTo(custom);
        assertThat(resumed.path("report").path("sections").get(0).path("question").asText()).isEqualTo(custom);
        assertThat(jdbc.queryForObject("SELECT finished_at FROM research_steps WHERE job_id = ? AND name = 'plan'", Timestamp.class, job))
                .isEqualTo(planned);
        assertThat(jdbc.queryForObject("SELECT finished_at FROM research_steps WHERE job_id = ? AND name = 'search-1'", Timestamp.class, job))
                .isEqualTo(searched);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM research_steps WHERE job_id = ?", Integer.class, job)).isEqualTo(8);
        // the emptied first search found nothing; the second round (planned by reflection after the restart) did
        assertThat(resumed.path("sources")).isNotEmpty().allSatisfy(s -> assertThat(s.path("round").asInt()).isEqualTo(2));

        jdbc.update("UPDATE research_jobs SET status = 'reading', attempts = 3, lease_owner = 'worker-dead', "
                + "lease_until = now() - interval '1 second' WHERE id = ?", job);
        JsonNode gaveUp = analyst.awaitEnd(id);
        assertThat(gaveUp.path("status").asText()).isEqualTo("failed");
        assertThat(gaveUp.path("reason").asText()).startsWith("Gave up after 3 attempts");
        assertThat(gaveUp.path("sources")).as("partial results kept").isNotEmpty();
    }
}

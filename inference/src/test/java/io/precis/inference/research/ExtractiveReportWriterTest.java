package io.precis.inference.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.precis.inference.embed.MiniLmEmbedder;

class ExtractiveReportWriterTest {
    static final String ETNA = "Mount Etna erupted again on Sunday night. Lava flows reached the edge of the Valle del Bove. "
            + "Ash from the eruption closed Catania airport for six hours on Monday.";
    static final String BEES = "Honeybee colonies collapsed across the region this winter. Researchers blame a parasitic "
            + "mite together with a wet autumn for the losses of the beekeepers.";

    static SourceSupportCheck check;

    @BeforeAll
    static void load() {
        check = new SourceSupportCheck();
    }

    @AfterAll
    static void close() {
        check.close();
    }

    @Test
    void citesEveryPickedSentenceToItsPassageAndNumbersSourcesInOrder() {
        ExtractiveReportWriter writer = new ExtractiveReportWriter(new MiniLmEmbedder(), check, 2, 0.5);
        Report report = writer.write("What happened at Etna and to the bees?", List.of(
                        new ExtractiveReportWriter.SectionInput("What happened at Mount Etna?", List.of(new Evidence("etna", 11, 0, ETNA.length(), ETNA, 0.9))),
                        new ExtractiveReportWriter.SectionInput("Why did honeybee colonies collapse?", List.of(new Evidence("bees", 12, 40, 40 + BEES.length(), BEES, 0.8))),
                        new ExtractiveReportWriter.SectionInput("Who won the football cup?", List.of())),
                Map.of("etna", new Source("etna", "Etna erupts", "https://example.org/etna", "2026-01-01T00:00:00Z"),
                        "bees", new Source("bees", "Bees", null, "2026-01-02T00:00:00Z")));
        assertThat(report.title()).isEqualTo("What happened at Etna and to the bees");
        assertThat(report.bibliography()).extracting(Report.Entry::n, Report.Entry::sourceId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "etna"), org.assertj.core.groups.Tuple.tuple(2, "bees"));
        assertThat(report.sections().get(0).sentences()).hasSize(2).allSatisfy(s -> {
            assertThat(ETNA).contains(s.text());
            assertThat(s.citation()).isEqualTo(1);
            assertThat(s.passageId()).isEqualTo(11);
            assertThat(s.supported()).as("copied from its passage: %s", s.support()).isTrue();
        });
        assertThat(report.sections().get(1).sentences()).allSatisfy(s -> assertThat(s.citation()).isEqualTo(2));
        assertThat(report.sections().get(2).sentences()).isEmpty();
        assertThat(report.unsupported()).isZero();
        assertThat(report.citedSentences()).isEqualTo(4);
        assertThat(report.supportRatio()).isEqualTo(1.0);

        String md = ReportExport.markdown(report);
        Matcher m = Pattern.compile("\\[(\\d+)]").matcher(md);
        int citations = 0;
        while (m.find()) {
            citations++;
            assertThat(Integer.parseInt(m.group(1))).isBetween(1, report.bibliography().size());
        }
        assertThat(citations).isEqualTo(4 + report.summary().size());
        assertThat(md).contains("1. Etna erupts — <https://example.org/etna>").contains("2. Bees — Library document bees")
                .contains("_No source answered this question._");
        assertThat(ReportExport.html(report)).contains("<li id=\"source-1\" value=\"1\"><a href=\"https://example.org/etna\">");
    }

    @Test
    void marksAndCountsClaimsTheirPassageDoesNotSupport() {
        SupportCheck never = (claims, passages) -> new double[claims.size()];
        ExtractiveReportWriter writer = new ExtractiveReportWriter(new MiniLmEmbedder(), never, 1, 0.5);
        Report report = writer.write("Etna?", List.of(new ExtractiveReportWriter.SectionInput("What happened at Mount Etna?",
                List.of(new Evidence("etna", 1, 0, ETNA.length(), ETNA, 0.9)))), Map.of());
        assertThat(report.unsupported()).isEqualTo(1);
        assertThat(report.supportRatio()).isZero();
        assertThat(ReportExport.markdown(report)).contains("[1] " + ReportExport.UNSUPPORTED_MARK);
        assertThat(ReportExport.html(report)).contains("class=\"unsupported\"");
    }
}

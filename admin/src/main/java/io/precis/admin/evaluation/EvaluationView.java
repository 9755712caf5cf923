package io.precis.admin.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.precis.admin.models.ModelRegistry;
import io.precis.admin.models.ModelVersion;

/**
 * Quality over summariser versions, oldest first: held-out ROUGE-1/2/L, BERTScore and factual consistency from each
 * version's evaluation report; live mean reward, latency and count of the summaries each version served.
 */
@Route("admin/evaluation")
@PageTitle("Evaluation · Precis")
@RolesAllowed("OPERATOR")
public class EvaluationView extends VerticalLayout {
    private static final List<String> METRICS = List.of("rouge1", "rouge2", "rougeL", "bertScore", "factualConsistency");

    public EvaluationView(ModelRegistry registry, JdbcTemplate jdbc) {
        List<ModelVersion> versions = new ArrayList<>(registry.list(ModelVersion.SUMMARIZER_POLICY));
        java.util.Collections.reverse(versions);
        List<String> labels = versions.stream().map(v -> "#" + v.id()).toList();
        List<SvgCharts.Series> quality = new ArrayList<>();
        for (String metric : METRICS) {
            quality.add(new SvgCharts.Series(metric, versions.stream().map(v -> heldOut(v, metric)).toList()));
        }
        List<Double> reward = new ArrayList<>();
        List<Double> latency = new ArrayList<>();
        for (ModelVersion v : versions) {
            Map<String, Object> live = jdbc.queryForMap(
                    "select avg(reward) as reward, avg(total_ms) as ms from summaries where model_version_id = ?", v.id());
            reward.add(live.get("reward") instanceof Number n ? n.doubleValue() : Double.NaN);
            latency.add(live.get("ms") instanceof Number n ? n.doubleValue() : Double.NaN);
        }
        add(new Html("<div id=\"evaluation-charts\">"
                + SvgCharts.lines("Held-out quality per version", labels, quality)
                + SvgCharts.bars("Live mean reward per version", labels, List.of(new SvgCharts.Series("reward", reward)))
                + SvgCharts.bars("Mean latency (ms) per version", labels, List.of(new SvgCharts.Series("latency", latency)))
                + "</div>"));
        addDrillDown(versions, jdbc);
    }

    /** One row of the drill-down: a summary a version served, with its reward and latency. */
    record Example(String id, java.time.Instant at, Double reward, Long ms, String summary) {
    }

    /** A row of a version's held-out scores per evaluation set. */
    record SetScores(String set, String side, String rouge1, String rouge2, String rougeL, String factual) {
    }

    /** Pick a version: its held-out scores per set, and the summaries it served, lowest reward first. */
    private void addDrillDown(List<ModelVersion> versions, JdbcTemplate jdbc) {
        Select<ModelVersion> version = new Select<>();
        version.setId("evaluation-version");
        version.setLabel("Drill down into a version");
        version.setItemLabelGenerator(v -> "#" + v.id() + " " + v.label() + " (" + v.stage() + ")");
        List<ModelVersion> newestFirst = new ArrayList<>(versions);
        java.util.Collections.reverse(newestFirst);
        version.setItems(newestFirst);
        Grid<SetScores> sets = new Grid<>();
        sets.setId("evaluation-sets");
        sets.setAllRowsVisible(true);
        sets.addColumn(SetScores::set).setHeader("Held-out set").setAutoWidth(true);
        sets.addColumn(SetScores::side).setHeader("Policy");
        sets.addColumn(SetScores::rouge1).setHeader("ROUGE-1");
        sets.addColumn(SetScores::rouge2).setHeader("ROUGE-2");
        sets.addColumn(SetScores::rougeL).setHeader("ROUGE-L");
        sets.addColumn(SetScores::factual).setHeader("Factual consistency");
        Grid<Example> examples = new Grid<>();
        examples.setId("evaluation-examples");
        examples.addColumn(e -> e.reward() == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", e.reward())).setHeader("Reward").setAutoWidth(true);
        examples.addColumn(e -> e.ms() == null ? "" : e.ms() + " ms").setHeader("Latency").setAutoWidth(true);
        examples.addColumn(e -> e.at().toString()).setHeader("Served").setAutoWidth(true);
        examples.addColumn(Example::summary).setHeader("Summary").setFlexGrow(4);
        examples.addColumn(new com.vaadin.flow.data.renderer.ComponentRenderer<>(e -> new Anchor("history/" + e.id(), "open")))
                .setHeader("").setAutoWidth(true);
        version.addValueChangeListener(e -> {
            ModelVersion v = e.getValue();
            sets.setItems(v == null ? List.of() : setScores(v));
            examples.setItems(v == null ? List.of() : jdbc.query("""
                    select id::text, created_at, reward, total_ms, left(summary, 400) from summaries
                    where model_version_id = ? order by reward asc nulls last, created_at desc limit 100""",
                    (rs, n) -> new Example(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getObject(3, Double.class),
                            rs.getObject(4, Long.class), rs.getString(5)), v.id()));
        });
        add(version, sets, examples);
    }

    private static List<SetScores> setScores(ModelVersion v) {
        List<SetScores> rows = new ArrayList<>();
        if (v.evalReport() != null && v.evalReport().get("perSet") instanceof Map<?, ?> perSet) {
            perSet.forEach((set, sides) -> {
                if (sides instanceof Map<?, ?> bySide) {
                    bySide.forEach((side, scores) -> {
                        if (scores instanceof Map<?, ?> m) {
                            rows.add(new SetScores(String.valueOf(set), String.valueOf(side), f(m.get("rouge1")),
                                    f(m.get("rouge2")), f(m.get("rougeL")), f(m.get("factualConsistency"))));
                        }
                    });
                }
            });
        }
        return rows;
    }

    private static String f(Object value) {
        return value instanceof Number n ? String.format(java.util.Locale.ROOT, "%.4f", n.doubleValue()) : "";
    }

    private static double heldOut(ModelVersion v, String metric) {
        if (v.evalReport() != null && v.evalReport().get("heldOut") instanceof Map<?, ?> m && m.get(metric) instanceof Number n) {
            return n.doubleValue();
        }
        return Double.NaN;
    }
}

package io.precis.admin.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.Html;
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
    }

    private static double heldOut(ModelVersion v, String metric) {
        if (v.evalReport() != null && v.evalReport().get("heldOut") instanceof Map<?, ?> m && m.get(metric) instanceof Number n) {
            return n.doubleValue();
        }
        return Double.NaN;
    }
}

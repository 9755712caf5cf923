package io.precis.admin.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality gate a candidate must pass before canary or production: its ROUGE-L on the held-out sets may not fall
 * more than {@value #MAX_ROUGE_L_REGRESSION} (relative) below production's, and its factual-consistency score may not
 * fall below production's. Production's scores are the {@code baseline} of the candidate's own report when that was
 * measured against the current production version (same examples, same run), otherwise production's own report.
 */
final class PromotionGate {
    static final double MAX_ROUGE_L_REGRESSION = 0.02;

    record Decision(boolean passed, List<String> reasons, Map<String, Object> evidence) {
    }

    private PromotionGate() {
    }

    static Decision check(ModelVersion candidate, ModelVersion production) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        if (production == null || production.id() == candidate.id()) {
            evidence.put("production", null);
            return new Decision(true, List.of("no production version to compare with"), evidence);
        }
        Map<String, Object> candidateScores = scores(candidate.evalReport(), "heldOut");
        Map<String, Object> productionScores = baselineFor(candidate, production);
        evidence.put("candidate", candidateScores);
        evidence.put("production", productionScores);
        evidence.put("productionVersion", production.label());
        List<String> reasons = new ArrayList<>();
        Double rougeL = number(candidateScores, "rougeL");
        Double productionRougeL = number(productionScores, "rougeL");
        Double factuality = number(candidateScores, "factualConsistency");
        Double productionFactuality = number(productionScores, "factualConsistency");
        if (rougeL == null || factuality == null) {
            reasons.add("the candidate has no held-out evaluation (heldOut.rougeL and heldOut.factualConsistency)");
        }
        if (rougeL != null && productionRougeL != null && productionRougeL > 0) {
            double change = (rougeL - productionRougeL) / productionRougeL;
            evidence.put("rougeLRelativeChange", change);
            if (change < -MAX_ROUGE_L_REGRESSION) {
                reasons.add(String.format(java.util.Locale.ROOT,
                        "ROUGE-L %.4f is %.1f%% below production's %.4f (at most %.0f%% allowed)", rougeL,
                        -100 * change, productionRougeL, 100 * MAX_ROUGE_L_REGRESSION));
            }
        }
        if (factuality != null && productionFactuality != null && factuality < productionFactuality) {
            reasons.add(String.format(java.util.Locale.ROOT,
                    "factual consistency %.4f is below production's %.4f", factuality, productionFactuality));
        }
        evidence.put("reasons", reasons);
        return new Decision(reasons.isEmpty(), reasons, evidence);
    }

    private static Map<String, Object> baselineFor(ModelVersion candidate, ModelVersion production) {
        Map<String, Object> baseline = scores(candidate.evalReport(), "baseline");
        Object measuredAgainst = baseline.get("modelId");
        if (measuredAgainst instanceof Number id && id.longValue() == production.id()) {
            return baseline;
        }
        return scores(production.evalReport(), "heldOut");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scores(Map<String, Object> report, String key) {
        if (report == null || !(report.get(key) instanceof Map<?, ?> map)) {
            return Map.of();
        }
        return (Map<String, Object>) map;
    }

    private static Double number(Map<String, Object> scores, String key) {
        return scores.get(key) instanceof Number n ? n.doubleValue() : null;
    }
}

package io.precis.inference.research;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;

import io.precis.inference.eval.MiniLmTokenEncoder;
import io.precis.inference.eval.SourceSupportScore;

/** {@link SupportCheck} by {@link SourceSupportScore}, each claim against its one passage; the encoder loads on first use. */
public final class SourceSupportCheck implements SupportCheck, AutoCloseable {
    private MiniLmTokenEncoder encoder;
    private SourceSupportScore score;

    @Override
    public double[] scores(List<String> claims, List<String> passages) {
        if (claims.isEmpty()) return new double[0];
        SourceSupportScore s = score();
        // claims often cite the same passage: prepare each distinct passage once
        Map<String, SourceSupportScore.Source> prepared = new HashMap<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(passages));
        List<SourceSupportScore.Source> sources = s.sources(distinct.stream().map(List::of).toList());
        for (int i = 0; i < distinct.size(); i++) prepared.put(distinct.get(i), sources.get(i));
        List<SourceSupportScore.Result> results = s.scoreAll(claims, passages.stream().map(prepared::get).toList());
        double[] out = new double[results.size()];
        for (int i = 0; i < out.length; i++) out[i] = results.get(i).score();
        return out;
    }

    private synchronized SourceSupportScore score() {
        if (score == null) {
            encoder = new MiniLmTokenEncoder();
            score = new SourceSupportScore(encoder);
        }
        return score;
    }

    @Override
    public synchronized void close() {
        if (encoder != null) encoder.close();
    }
}

package io.precis.inference.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.precis.inference.embed.Embedder;
import io.precis.inference.embed.Vectors;
import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;
import io.precis.inference.text.Words;

/**
 * The embedded report writer: for each sub-question, the sentences of its passages most similar to it (by MiniLM,
 * none repeated or near-repeated across the report), each cited to the passage it comes from; the summary is the
 * best sentence of each section. Every cited sentence is then checked against its passage by {@link SupportCheck}.
 */
public final class ExtractiveReportWriter {
    static final double NEAR_DUPLICATE = 0.9;
    private static final int EMBED_BATCH = 64;
    private static final int MIN_WORDS = 6;
    private static final int MAX_WORDS = 70;

    private final Embedder embedder;
    private final SupportCheck check;
    private final int sentencesPerSection;
    private final double supportThreshold;
    private final SentenceSplitter splitter = new SentenceSplitter();
    /** How long the support check of the last report took (for benchmarks). */
    public volatile long lastCheckMillis;

    public ExtractiveReportWriter(Embedder embedder, SupportCheck check, int sentencesPerSection, double supportThreshold) {
        this.embedder = embedder;
        this.check = check;
        this.sentencesPerSection = sentencesPerSection;
        this.supportThreshold = supportThreshold;
    }

    /** A sub-question with the passages retrieved for it, best first. */
    public record SectionInput(String question, List<Evidence> evidence) {
    }

    private record Candidate(Evidence evidence, String text, float[] vector) {
    }

    private record Pick(Candidate candidate, double score) {
    }

    public Report write(String question, List<SectionInput> sections, Map<String, Source> sources) {
        Map<String, float[]> vectors = embedAll(sections);
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<float[]> chosen = new ArrayList<>();
        Set<String> chosenTexts = new HashSet<>();
        List<List<Pick>> picked = new ArrayList<>();
        for (SectionInput section : sections) {
            List<Pick> picks = pick(section, vectors, chosen, chosenTexts);
            picked.add(picks);
            for (Pick p : picks) numbers.computeIfAbsent(p.candidate().evidence().sourceId(), id -> numbers.size() + 1);
        }
        List<Pick> all = picked.stream().flatMap(List::stream).toList();
        long checkStarted = System.nanoTime();
        double[] support = check.scores(all.stream().map(p -> p.candidate().text()).toList(),
                all.stream().map(p -> p.candidate().evidence().text()).toList());
        lastCheckMillis = (System.nanoTime() - checkStarted) / 1_000_000;
        Map<Pick, Report.Sentence> written = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Evidence e = all.get(i).candidate().evidence();
            double s = Math.max(0, Math.min(1, support[i]));
            written.put(all.get(i), new Report.Sentence(all.get(i).candidate().text(), numbers.get(e.sourceId()), e.passageId(),
                    e.start(), e.end(), e.text(), round(s), s >= supportThreshold));
        }
        List<Report.Section> out = new ArrayList<>();
        List<Report.Sentence> summary = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            List<Report.Sentence> sentences = picked.get(i).stream().map(written::get).toList();
            out.add(new Report.Section(sections.get(i).question(), sentences));
            if (!sentences.isEmpty() && summary.size() < 5) summary.add(sentences.get(0));
        }
        List<Report.Entry> bibliography = new ArrayList<>();
        numbers.forEach((id, n) -> {
            Source s = sources.get(id);
            bibliography.add(new Report.Entry(n, id, s == null ? id : s.title(), s == null ? null : s.url(), s == null ? null : s.readAt()));
        });
        int cited = written.size();
        int unsupported = (int) written.values().stream().filter(s -> !s.supported()).count();
        double ratio = cited == 0 ? 1.0 : round((cited - unsupported) / (double) cited);
        return new Report(title(question), summary, out, bibliography, cited, unsupported, ratio, "extractive");
    }

    /** The candidate sentences of a section's passages, with the passage each comes from. */
    private List<Candidate> candidates(SectionInput section, Map<String, float[]> vectors) {
        List<Candidate> candidates = new ArrayList<>();
        for (Evidence e : section.evidence()) {
            for (Sentence s : splitter.split(e.text())) {
                int words = Words.count(s.text());
                if (words < MIN_WORDS || words > MAX_WORDS) continue;
                candidates.add(new Candidate(e, s.text(), vectors == null ? null : vectors.get(s.text())));
            }
        }
        return candidates;
    }

    /** Embeds every distinct candidate sentence and question of the report once (sub-questions share passages). */
    private Map<String, float[]> embedAll(List<SectionInput> sections) {
        Set<String> texts = new java.util.LinkedHashSet<>();
        for (SectionInput section : sections) {
            List<Candidate> candidates = candidates(section, null);
            if (candidates.isEmpty()) continue;
            candidates.forEach(c -> texts.add(c.text()));
            texts.add(section.question());
        }
        List<String> list = new ArrayList<>(texts);
        Map<String, float[]> vectors = new java.util.HashMap<>();
        for (int from = 0; from < list.size(); from += EMBED_BATCH) {
            List<String> batch = list.subList(from, Math.min(list.size(), from + EMBED_BATCH));
            float[][] embedded = embedder.embed(batch);
            for (int i = 0; i < batch.size(); i++) vectors.put(batch.get(i), embedded[i]);
        }
        return vectors;
    }

    private List<Pick> pick(SectionInput section, Map<String, float[]> vectors, List<float[]> chosen, Set<String> chosenTexts) {
        List<Candidate> candidates = candidates(section, vectors);
        if (candidates.isEmpty()) return List.of();
        float[] query = vectors.get(section.question());
        List<Pick> ranked = new ArrayList<>();
        for (Candidate c : candidates) ranked.add(new Pick(c, Vectors.cosine(c.vector(), query)));
        ranked.sort(Comparator.comparingDouble(Pick::score).reversed());
        List<Pick> picks = new ArrayList<>();
        for (Pick p : ranked) {
            if (picks.size() >= sentencesPerSection) break;
            String key = p.candidate().text().toLowerCase(Locale.ROOT).replaceAll("\\W+", " ").strip();
            if (!chosenTexts.add(key)) continue;
            boolean nearDuplicate = chosen.stream().anyMatch(v -> Vectors.cosine(v, p.candidate().vector()) > NEAR_DUPLICATE);
            if (nearDuplicate) continue;
            chosen.add(p.candidate().vector());
            picks.add(p);
        }
        return picks;
    }

    /** Loads the models (the support check's encoder loads on first use), so that the first report is not slower. */
    public void warmUp() {
        String sentence = "The harbour authority sets the dues that ships pay.";
        embedder.embed(List.of(sentence));
        check.scores(List.of(sentence), List.of(sentence));
    }

    static String title(String question) {
        String q = HeuristicPlanner.clean(question).replaceAll("[?.!]+$", "");
        return q.length() > 120 ? q.substring(0, 117) + "…" : q;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}

package io.precis.inference.summarize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.precis.inference.embed.Embedder;
import io.precis.inference.embed.MiniLmEmbedder;
import io.precis.inference.text.SentenceSplitter;
import io.precis.inference.text.Words;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latency of the extractive summariser per strategy for about 1,000, 10,000 and 50,000 words (NOT a unit test).
 *
 * <pre>
 * java -cp inference/target/test-classes:inference/target/classes:$(cat /tmp/cp.txt) \
 *     io.precis.inference.summarize.BenchMain [hashing]
 * </pre>
 *
 * The 1,000-word input is the test article; the larger ones join news articles from {@code data} (default
 * ../shared/data/eval/news-cnndm-dev.jsonl) into one document, or synthetic text when that file is missing. With
 * {@code hashing} a bag-of-words embedder stands in for MiniLM, which shows the cost of everything but the model
 * (and both the automatic and a 100-word length are timed). The 50,000-word input runs once, without warm-up.
 * {@code -Dsizes=1000,10000} picks the input sizes.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean hashing = args.length > 0 && args[0].equals("hashing");
        Embedder embedder = hashing ? new HashingEmbedder() : new MiniLmEmbedder();
        ExtractiveSummarizer summarizer = new ExtractiveSummarizer(embedder);
        String article;
        try (InputStream in = BenchMain.class.getResourceAsStream("/harbour-article.txt")) {
            article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> news = news(Path.of(System.getProperty("data",
                "../shared/data/eval/news-cnndm-dev.jsonl")));
        System.out.printf("embedder %s, %d CPUs, load average %.2f%n", embedder.modelName(),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| input | sentences | strategy | length | median ms | min ms | runs | summary words |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        int[] sizes = Arrays.stream(System.getProperty("sizes", "1000,10000,50000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        for (int words : sizes) {
            String text = words == 1_000 ? article : join(news, words);
            int sentences = new SentenceSplitter().split(text).size();
            int runs = words == 1_000 ? 10 : words == 10_000 ? 3 : 1;
            for (Mode mode : Mode.values()) {
                for (LengthTarget length : hashing ? List.of(LengthTarget.auto(), LengthTarget.of(Length.MEDIUM))
                        : List.of(LengthTarget.auto())) {
                    SummaryRequest request = new SummaryRequest(List.of(new SourceDocument(null, text)), length, mode);
                    Summary summary = words < 50_000 ? summarizer.summarize(request) : null; // warm-up
                    long[] millis = new long[runs];
                    for (int r = 0; r < runs; r++) {
                        long start = System.nanoTime();
                        summary = summarizer.summarize(request);
                        millis[r] = (System.nanoTime() - start) / 1_000_000;
                    }
                    Arrays.sort(millis);
                    System.out.printf("| %,d words | %,d | %s → %s | %s | %d | %d | %d | %d |%n", Words.count(text),
                            sentences, mode.label(), summary.strategy(),
                            length.adaptive() ? "auto" : length.maxWords() + " max", millis[runs / 2], millis[0],
                            runs, summary.wordCount());
                }
            }
            if (!hashing) {
                List<String> all = new SentenceSplitter().split(text).stream().map(s -> s.text()).toList();
                long start = System.nanoTime();
                embedder.embed(all);
                System.out.printf("| %,d words | %,d | (embedding alone) | | %d | | 1 | |%n", Words.count(text),
                        all.size(), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private static List<String> news(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                out.add(json.readTree(line).get("documents").get(0).asText());
            }
        }
        return out;
    }

    /** News articles joined by blank lines up to about {@code words} words, or synthetic text without news. */
    private static String join(List<String> news, int words) {
        if (news.isEmpty()) {
            return SyntheticText.ofWords(words, 42);
        }
        StringBuilder out = new StringBuilder();
        int count = 0;
        for (int i = 0; count < words; i++) {
            String article = news.get(i % news.size());
            out.append(out.length() > 0 ? "\n\n" : "").append(article);
            count += Words.count(article);
        }
        return out.toString();
    }
}

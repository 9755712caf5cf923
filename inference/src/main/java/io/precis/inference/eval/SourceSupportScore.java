package io.precis.inference.eval;

import io.precis.inference.text.Sentence;
import io.precis.inference.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Source-support score: an offline factual-consistency score of a summary against its source documents, in
 * [0, 1]. It is not QAFactEval (which needs question generation and QA models); it checks, sentence by sentence,
 * whether the source supports what the summary says, with all-MiniLM-L6-v2 token embeddings
 * ({@link MiniLmTokenEncoder}) and lexical checks.
 *
 * <p>For each summary sentence (lines first, then {@link SentenceSplitter}):
 * <ol>
 *   <li>the {@value #TOP_SENTENCES} source sentences most similar to it (cosine of mean-pooled token embeddings)
 *       are its <b>support</b>;</li>
 *   <li><b>token support</b>: the mean over its word pieces (punctuation aside) of 1 when the piece's word is in
 *       the supporting sentences, else the piece's best cosine similarity to any source token (BERTScore-style
 *       greedy matching, which credits paraphrases; exact words get full credit because MiniLM's vectors of the
 *       same words drift with the length of the context, to about 0.7 between a sentence and an article);</li>
 *   <li><b>content support</b>: the share of its content words (not stop words; Porter stems) found in those
 *       supporting sentences, a word found only elsewhere in the source counting {@value #ELSEWHERE} (a fact
 *       assembled from unrelated places is a typical error);</li>
 *   <li><b>order support</b>: the longest common subsequence of its stemmed words with the best supporting sentence,
 *       divided by its length (who did what to whom: words in the source but recombined score low);</li>
 *   <li><b>absent words</b>: every content word that appears nowhere in the source multiplies the sentence's
 *       score by {@value #ABSENT_PENALTY}, and a second time when it is a <b>check word</b>: a number, a
 *       capitalised word other than the first, or a rare word (one the WordPiece vocabulary splits into several
 *       pieces, which also catches lower-cased names). Hallucinated numbers and names are the commonest factual
 *       errors, and content found nowhere in the source is what abstractive summarisers most often invent.</li>
 * </ol>
 * The sentence scores {@code token × content × order × 0.7^(absent words + absent check words)}; the summary
 * scores the mean over its sentences (0 when it has none). A sentence copied from the source scores 1.
 *
 * <p>Source sentences are {@link SentenceSplitter}'s, cut again where a sentence end is glued to the next one
 * without a space ("community.Dr Venter", common in scraped text).
 *
 * <p>The constants were chosen on FRANK (see {@code EvalCli factuality-validate}) and are not fitted to examples:
 * results barely move for 2 to 4 supporting sentences, 0.25 to 0.75 for words found elsewhere and 0.5 to 0.8 for
 * the penalty. Thread-safe.
 */
public final class SourceSupportScore {

    /** The name used in reports. */
    public static final String NAME = "source-support score (MiniLM token alignment + lexical support; not QAFactEval)";
    static final int TOP_SENTENCES = 3;
    static final double ELSEWHERE = 0.5;
    static final double ABSENT_PENALTY = 0.7;

    /** A sentence end glued to the next sentence ("community.Dr Venter"), as in text scraped from paragraphs. */
    private static final Pattern GLUED_BOUNDARY =
            Pattern.compile("(?<=[\\p{Ll}\\d)][.!?][\"'\u2019\u201d]?)(?=\\p{Lu}\\p{Ll})");
    private static final Pattern WORD = Pattern.compile("\\d+(?:[.,:]\\d+)*|[\\p{L}\\p{N}]+");
    private static final PorterStemmer STEMMER = new PorterStemmer();
    /** NLTK's English stop words. */
    static final Set<String> STOP_WORDS = Set.of(("i me my myself we our ours ourselves you your yours yourself "
            + "yourselves he him his himself she her hers herself it its itself they them their theirs themselves "
            + "what which who whom this that these those am is are was were be been being have has had having do "
            + "does did doing a an the and but if or because as until while of at by for with about against between "
            + "into through during before after above below to from up down in out on off over under again further "
            + "then once here there when where why how all any both each few more most other some such no nor not "
            + "only own same so than too very s t can will just don should now d ll m o re ve y ain aren couldn "
            + "didn doesn hadn hasn haven isn ma mightn mustn needn shan shouldn wasn weren won wouldn").split(" "));

    /** One summary sentence and how well the source supports it. */
    public record SentenceSupport(String text, double score, double tokenSupport, double contentSupport,
            double orderSupport, List<String> absent, List<String> absentCheckWords, String supportingSentence) {
    }

    /** The summary's score (mean of its sentences') and the per-sentence details. */
    public record Result(double score, List<SentenceSupport> sentences) {

        /** Content words of all sentences that appear nowhere in the source. */
        public List<String> absent() {
            return sentences.stream().flatMap(s -> s.absent().stream()).distinct().toList();
        }

        /** The numbers, names and rare words among {@link #absent()}. */
        public List<String> absentCheckWords() {
            return sentences.stream().flatMap(s -> s.absentCheckWords().stream()).distinct().toList();
        }
    }

    /** Source documents prepared once (encoded, split, stemmed), reusable for many summaries. */
    public static final class Source {
        private final List<SourceSentence> sentences;
        private final float[][] tokenVectors;
        private final Set<String> stems;

        private Source(List<SourceSentence> sentences, float[][] tokenVectors, Set<String> stems) {
            this.sentences = sentences;
            this.tokenVectors = tokenVectors;
            this.stems = stems;
        }

        /** How many sentences the source has. */
        public int sentenceCount() {
            return sentences.size();
        }
    }

    private record SourceSentence(String text, float[] vector, String[] stems, Set<String> stemSet) {
    }

    private final MiniLmTokenEncoder encoder;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final Map<String, Boolean> rareWords = new ConcurrentHashMap<>();

    public SourceSupportScore(MiniLmTokenEncoder encoder) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    /** What the score is and its settings, for reports. */
    public static Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", NAME);
        d.put("model", MiniLmTokenEncoder.MODEL);
        d.put("layer", MiniLmTokenEncoder.LAYER);
        d.put("sentenceScore", "tokenSupport * contentSupport * orderSupport * " + ABSENT_PENALTY
                + "^(content words absent from the source + absent check words: numbers, names, rare words)");
        d.put("aggregate", "mean over summary sentences");
        d.put("supportingSentences", TOP_SENTENCES);
        d.put("wordFoundElsewhereCounts", ELSEWHERE);
        return d;
    }

    /** Scores a summary against its source documents. */
    public Result score(String summary, List<String> documents) {
        return scoreAll(List.of(summary), List.of(source(documents))).get(0);
    }

    /** Prepares source documents (one encoder batch). */
    public Source source(List<String> documents) {
        return sources(List.of(documents)).get(0);
    }

    /** Prepares the sources of many examples in one encoder batch. */
    public List<Source> sources(List<List<String>> documentsPerSource) {
        List<String> all = new ArrayList<>();
        documentsPerSource.forEach(all::addAll);
        List<TokenEmbeddings> encoded = encoder.encodeAll(all);
        List<Source> sources = new ArrayList<>(documentsPerSource.size());
        int next = 0;
        for (List<String> documents : documentsPerSource) {
            sources.add(source(documents, encoded.subList(next, next + documents.size())));
            next += documents.size();
        }
        return sources;
    }

    /** Prepares source documents that are already encoded ({@code encoded.get(i)} belongs to document i). */
    public Source source(List<String> documents, List<TokenEmbeddings> encoded) {
        if (documents.size() != encoded.size()) {
            throw new IllegalArgumentException(documents.size() + " documents but " + encoded.size() + " encodings");
        }
        List<SourceSentence> sentences = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        Set<String> stems = new HashSet<>();
        for (int d = 0; d < documents.size(); d++) {
            String text = documents.get(d);
            TokenEmbeddings tokens = encoded.get(d);
            vectors.addAll(Arrays.asList(tokens.vectors()));
            for (Sentence sentence : sentences(text)) {
                String[] sentenceStems = words(text, sentence.start(), sentence.end()).stream()
                        .map(Word::stem).toArray(String[]::new);
                stems.addAll(Arrays.asList(sentenceStems));
                sentences.add(new SourceSentence(sentence.text(), pool(tokens, sentence.start(), sentence.end()),
                        sentenceStems, Set.of(distinct(sentenceStems))));
            }
        }
        return new Source(sentences, vectors.toArray(float[][]::new), stems);
    }

    /** Scores each summary against its source; summaries are encoded in one batch. */
    public List<Result> scoreAll(List<String> summaries, List<Source> sources) {
        if (summaries.size() != sources.size()) {
            throw new IllegalArgumentException(summaries.size() + " summaries but " + sources.size() + " sources");
        }
        List<TokenEmbeddings> encoded = encoder.encodeAll(summaries);
        List<Result> results = new ArrayList<>(summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            results.add(score(summaries.get(i), encoded.get(i), sources.get(i)));
        }
        return results;
    }

    /** Scores an already encoded summary. */
    public Result score(String summary, TokenEmbeddings tokens, Source source) {
        Objects.requireNonNull(summary, "summary");
        List<SentenceSupport> supports = new ArrayList<>();
        int offset = 0;
        for (String line : summary.split("\n", -1)) {
            for (Sentence sentence : sentences(line)) {
                SentenceSupport support = sentence(summary, offset + sentence.start(), offset + sentence.end(),
                        tokens, source);
                if (support != null) {
                    supports.add(support);
                }
            }
            offset += line.length() + 1;
        }
        double mean = supports.stream().mapToDouble(SentenceSupport::score).average().orElse(0.0);
        return new Result(mean, Collections.unmodifiableList(supports));
    }

    private SentenceSupport sentence(String summary, int from, int to, TokenEmbeddings tokens, Source source) {
        TokenEmbeddings sentenceTokens = tokens.slice(from, to);
        if (sentenceTokens.size() == 0) {
            return null;
        }
        String text = summary.substring(from, to);
        if (source.sentences.isEmpty() || source.tokenVectors.length == 0) {
            return new SentenceSupport(text, 0, 0, 0, 0, List.of(), List.of(), "");
        }
        int[] top = topSentences(pool(sentenceTokens, from, to), source.sentences);
        List<Word> words = words(summary, from, to);
        Set<String> local = new HashSet<>();
        for (int k : top) {
            local.addAll(source.sentences.get(k).stemSet());
        }
        double tokenSupport = tokenSupport(sentenceTokens, words, local, source);

        double content = 0;
        int contentWords = 0;
        List<String> absent = new ArrayList<>();
        List<String> absentCheck = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            Word word = words.get(w);
            if (STOP_WORDS.contains(word.lower())) {
                continue;
            }
            contentWords++;
            boolean anywhere = source.stems.contains(word.stem());
            content += local.contains(word.stem()) ? 1.0 : anywhere ? ELSEWHERE : 0.0;
            if (!anywhere) {
                absent.add(word.text());
                if (isCheckWord(word, w == 0)) {
                    absentCheck.add(word.text());
                }
            }
        }
        double contentSupport = contentWords == 0 ? 1.0 : content / contentWords;

        String[] stems = words.stream().map(Word::stem).toArray(String[]::new);
        double order = stems.length == 0 ? 1.0 : 0.0;
        int best = top.length > 0 ? top[0] : -1;
        for (int k : top) {
            if (stems.length == 0) {
                break;
            }
            double o = (double) lcs(stems, source.sentences.get(k).stems()) / stems.length;
            if (o > order) {
                order = o;
                best = k;
            }
        }
        double score = tokenSupport * contentSupport * order
                * Math.pow(ABSENT_PENALTY, absent.size() + absentCheck.size());
        return new SentenceSupport(text, score, tokenSupport, contentSupport, order, List.copyOf(absent),
                List.copyOf(absentCheck),
                best >= 0 ? source.sentences.get(best).text() : "");
    }

    /**
     * Mean support of the word pieces that belong to a word: 1 when the word (its stem) is in a supporting
     * sentence, else the piece's best cosine similarity to any source token. Punctuation does not count.
     */
    private static double tokenSupport(TokenEmbeddings tokens, List<Word> words, Set<String> local, Source source) {
        double sum = 0;
        int count = 0;
        int w = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int start = tokens.starts()[i];
            while (w < words.size() && words.get(w).end() <= start) {
                w++;
            }
            if (w >= words.size() || words.get(w).start() > start) {
                continue; // punctuation or other characters outside words
            }
            count++;
            if (local.contains(words.get(w).stem())) {
                sum += 1.0;
                continue;
            }
            double best = -1;
            float[] v = tokens.vectors()[i];
            for (float[] s : source.tokenVectors) {
                double sim = BertScore.dot(v, s);
                if (sim > best) {
                    best = sim;
                }
            }
            sum += clamp(best);
        }
        return count == 0 ? 1.0 : sum / count;
    }

    /**
     * The sentences of a text: {@link SentenceSplitter}'s, each cut again where a sentence end is glued to the next
     * sentence without a space (paragraphs joined without a separator, common in scraped articles).
     */
    List<Sentence> sentences(String text) {
        List<Sentence> sentences = new ArrayList<>();
        for (Sentence sentence : splitter.split(text)) {
            Matcher m = GLUED_BOUNDARY.matcher(text);
            m.region(sentence.start(), sentence.end());
            int start = sentence.start();
            while (m.find()) {
                if (m.start() > start) {
                    sentences.add(new Sentence(text.substring(start, m.start()), start, m.start()));
                }
                start = m.start();
            }
            sentences.add(start == sentence.start() ? sentence
                    : new Sentence(text.substring(start, sentence.end()), start, sentence.end()));
        }
        return sentences;
    }

    /** Numbers, capitalised words that do not start the sentence, and words WordPiece splits (rare words, names). */
    private boolean isCheckWord(Word word, boolean first) {
        String text = word.text();
        if (text.chars().anyMatch(Character::isDigit)) {
            return true;
        }
        if (!first && Character.isUpperCase(text.codePointAt(0))) {
            return true;
        }
        return rareWords.computeIfAbsent(word.lower(), w -> encoder.tokenIds(w).length > 1);
    }

    private static int[] topSentences(float[] vector, List<SourceSentence> sentences) {
        Integer[] order = new Integer[sentences.size()];
        double[] sims = new double[sentences.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
            float[] v = sentences.get(k).vector();
            sims[k] = v == null || vector == null ? -2 : BertScore.dot(vector, v);
        }
        Arrays.sort(order, (a, b) -> Double.compare(sims[b], sims[a]));
        int n = Math.min(TOP_SENTENCES, order.length);
        int[] top = new int[n];
        for (int k = 0; k < n; k++) {
            top[k] = order[k];
        }
        return top;
    }

    /** Unit mean of the token vectors that start in [from, to), or null when there are none. */
    private static float[] pool(TokenEmbeddings tokens, int from, int to) {
        float[] sum = null;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.starts()[i] >= from && tokens.starts()[i] < to) {
                float[] v = tokens.vectors()[i];
                if (sum == null) {
                    sum = new float[v.length];
                }
                for (int k = 0; k < v.length; k++) {
                    sum[k] += v[k];
                }
            }
        }
        if (sum == null) {
            return null;
        }
        double norm = 0;
        for (float x : sum) {
            norm += (double) x * x;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < sum.length; k++) {
                sum[k] *= scale;
            }
        }
        return sum;
    }

    static int lcs(String[] a, String[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (String x : a) {
            for (int j = 1; j <= b.length; j++) {
                current[j] = x.equals(b[j - 1]) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }

    private record Word(String text, String lower, String stem, int start, int end) {
    }

    /** Words of text[from, to): numbers (with their separators, commas dropped) and runs of letters or digits. */
    private static List<Word> words(String text, int from, int to) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        m.region(from, to);
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT).replace(",", "");
            words.add(new Word(word, lower, STEMMER.stem(lower), m.start(), m.end()));
        }
        return words;
    }

    private static String[] distinct(String[] values) {
        return new HashSet<>(Arrays.asList(values)).toArray(String[]::new);
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}

package io.precis.inference.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Cuts documents into chunks of whole sentences that fit a size budget, with an overlap of whole sentences
 * between neighbouring chunks, keeping character offsets into the original text. Stateless and thread-safe.
 *
 * <p>Sizes are measured by a function of the text: {@link Words#count(String)} by default, or for instance a
 * tokenizer's count when the budget is a model's context in tokens. Each chunk is as long as the budget allows:
 * sentences are added until the next one would not fit. The next chunk starts with the last sentences of the
 * previous one that together measure at most {@code overlap} (never the whole previous chunk, so every chunk
 * brings new text). A sentence that alone exceeds the budget is cut at whitespace into pieces that fit, and each
 * piece is a chunk of its own; pieces do not overlap. Every character of every sentence is in at least one chunk,
 * and chunks come in text order.
 */
public final class Chunker {

    private final int maxSize;
    private final int overlap;
    private final ToIntFunction<String> measure;
    private final SentenceSplitter splitter = new SentenceSplitter();

    /** Chunks of at most {@code maxWords} words, overlapping by at most {@code overlapWords} words. */
    public Chunker(int maxWords, int overlapWords) {
        this(maxWords, overlapWords, Words::count);
    }

    /**
     * @param maxSize the most a chunk may measure (at least 1)
     * @param overlap the most the sentences repeated from the previous chunk may measure; below {@code maxSize}
     * @param measure the size of a text (a sentence or a word); must be additive enough that the size of a
     *                sentence is about the sum of the sizes of its words, as word and token counts are
     */
    public Chunker(int maxSize, int overlap, ToIntFunction<String> measure) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1, was " + maxSize);
        }
        if (overlap < 0 || overlap >= maxSize) {
            throw new IllegalArgumentException("overlap must be between 0 and maxSize - 1, was " + overlap);
        }
        this.maxSize = maxSize;
        this.overlap = overlap;
        this.measure = Objects.requireNonNull(measure, "measure");
    }

    public int maxSize() {
        return maxSize;
    }

    public int overlap() {
        return overlap;
    }

    /** The chunks of every document, in order; blank documents give none but keep their index. */
    public List<Chunk> chunk(List<String> documents) {
        Objects.requireNonNull(documents, "documents");
        List<Chunk> chunks = new ArrayList<>();
        for (int document = 0; document < documents.size(); document++) {
            chunks.addAll(chunk(document, documents.get(document)));
        }
        return Collections.unmodifiableList(chunks);
    }

    /** The chunks of one document, which citations call {@code document}; none when it is blank. */
    public List<Chunk> chunk(int document, String text) {
        Objects.requireNonNull(text, "text");
        return chunk(document, text, splitter.split(text));
    }

    /**
     * The chunks of one document that has already been split into sentences.
     *
     * @param sentences sentences of {@code text} in order, with offsets into it (as {@link SentenceSplitter} gives)
     */
    public List<Chunk> chunk(int document, String text, List<Sentence> sentences) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentences, "sentences");
        if (document < 0) {
            throw new IllegalArgumentException("document must not be negative, was " + document);
        }
        List<Chunk> chunks = new ArrayList<>();
        int n = sentences.size();
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = measure.applyAsInt(sentences.get(i).text());
        }
        int first = 0; // first sentence of the chunk being built
        while (first < n) {
            if (sizes[first] > maxSize) {
                cutLongSentence(document, text, sentences.get(first), chunks);
                first++;
                continue;
            }
            int last = first; // inclusive
            int size = sizes[first];
            while (last + 1 < n && sizes[last + 1] <= maxSize && size + sizes[last + 1] <= maxSize) {
                last++;
                size += sizes[last];
            }
            chunks.add(span(document, text, sentences.get(first).start(), sentences.get(last).end()));
            if (last + 1 >= n) {
                break;
            }
            // Start the next chunk with the tail of this one that fits the overlap, but always move forward.
            int next = last + 1;
            int repeated = 0;
            while (next - 1 > first && sizes[last + 1] <= maxSize
                    && repeated + sizes[next - 1] <= overlap
                    && repeated + sizes[next - 1] + sizes[last + 1] <= maxSize) {
                next--;
                repeated += sizes[next];
            }
            first = next;
        }
        return Collections.unmodifiableList(chunks);
    }

    private void cutLongSentence(int document, String text, Sentence sentence, List<Chunk> chunks) {
        int pieceStart = -1;
        int pieceEnd = -1;
        int size = 0;
        int i = sentence.start();
        int end = sentence.end();
        while (i < end) {
            while (i < end && Chars.isSpace(text.charAt(i))) {
                i++;
            }
            int wordStart = i;
            while (i < end && !Chars.isSpace(text.charAt(i))) {
                i++;
            }
            if (wordStart == i) {
                break;
            }
            int wordSize = measure.applyAsInt(text.substring(wordStart, i));
            if (pieceStart >= 0 && size + wordSize > maxSize) {
                chunks.add(span(document, text, pieceStart, pieceEnd));
                pieceStart = -1;
                size = 0;
            }
            if (pieceStart < 0) {
                pieceStart = wordStart;
            }
            pieceEnd = i;
            size += wordSize;
        }
        if (pieceStart >= 0) {
            chunks.add(span(document, text, pieceStart, pieceEnd));
        }
    }

    private static Chunk span(int document, String text, int start, int end) {
        return new Chunk(document, start, end, text.substring(start, end));
    }
}

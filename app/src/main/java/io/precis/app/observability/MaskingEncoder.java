package io.precis.app.observability;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Wraps an appender's encoder (Spring Boot's pattern encoder or its structured JSON encoder) and masks what it wrote
 * with {@link LogMasking}: the message, the stack trace, MDC values and key-value pairs alike.
 * <p>
 * The bytes are read as ISO-8859-1, one char per byte, so this works whatever ASCII-compatible charset the delegate
 * encoded with (UTF-8 included): the masking patterns only match ASCII and only write ASCII.
 */
public class MaskingEncoder extends EncoderBase<ILoggingEvent> {
    private final Encoder<ILoggingEvent> delegate;

    public MaskingEncoder(Encoder<ILoggingEvent> delegate) {
        this.delegate = delegate;
    }

    public Encoder<ILoggingEvent> delegate() {
        return delegate;
    }

    @Override
    public byte[] headerBytes() {
        return mask(delegate.headerBytes());
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return mask(delegate.encode(event));
    }

    @Override
    public byte[] footerBytes() {
        return mask(delegate.footerBytes());
    }

    @Override
    public void start() {
        if (!delegate.isStarted()) {
            delegate.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        delegate.stop();
        super.stop();
    }

    static byte[] mask(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String masked = LogMasking.mask(text);
        return masked == text ? bytes : masked.getBytes(StandardCharsets.ISO_8859_1);
    }
}

package io.precis.app.observability;

import java.util.Iterator;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.AppenderAttachable;

/**
 * Puts a {@link MaskingEncoder} in front of every Logback appender's encoder right after Spring Boot has configured
 * logging (console in every profile, plain or structured JSON, and a log file when one is configured), so no log line
 * leaves the process with an API key, password, token, e-mail address or phone number in it.
 * <p>
 * Registered in {@code META-INF/spring.factories}, so it runs for every {@code SpringApplication} (the app, the CLI and
 * the tests) without a Logback configuration file of our own. Idempotent: logging may be initialised more than once.
 */
public class LogMaskingInstaller implements SmartApplicationListener {

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationPreparedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        install();
    }

    /** Just after {@link LoggingApplicationListener}, which (re)configures Logback on the same events. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    /** Wraps every appender's encoder that is not wrapped yet; returns how many it wrapped. */
    public static int install() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return 0;
        }
        int wrapped = 0;
        for (Logger logger : context.getLoggerList()) {
            wrapped += wrapAll(logger, context);
        }
        return wrapped;
    }

    private static int wrapAll(AppenderAttachable<ILoggingEvent> attachable, LoggerContext context) {
        int wrapped = 0;
        for (Iterator<Appender<ILoggingEvent>> it = attachable.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (appender instanceof OutputStreamAppender<ILoggingEvent> out) {
                Encoder<ILoggingEvent> encoder = out.getEncoder();
                if (encoder != null && !(encoder instanceof MaskingEncoder)) {
                    MaskingEncoder masking = new MaskingEncoder(encoder);
                    masking.setContext(context);
                    masking.start();
                    out.setEncoder(masking);
                    wrapped++;
                }
            }
            if (appender instanceof AppenderAttachable<?> nested) {
                @SuppressWarnings("unchecked")
                AppenderAttachable<ILoggingEvent> inner = (AppenderAttachable<ILoggingEvent>) nested;
                wrapped += wrapAll(inner, context);
            }
        }
        return wrapped;
    }
}

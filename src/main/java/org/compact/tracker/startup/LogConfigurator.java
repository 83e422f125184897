package org.compact.tracker.startup;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.Logger;

import java.util.Map;

/**
 * The service's logging, set up in code (registered for logback's {@code Configurator} service) instead of parsed
 * from a {@code logback.xml} at every start: one line per event on the console, or one JSON object per line with
 * {@code TRACKER_LOG_FORMAT=json}. Reading the XML took logback's XML parser and its configuration model, a tenth of
 * a second at the top of every start.
 *
 * <p>A configuration of one's own still wins: with {@code -Dlogback.configurationFile=…}, or a {@code logback-test.xml}
 * or {@code logback.xml} on the class path (the tests have one), this steps aside and logback reads that file as usual.
 */
public class LogConfigurator extends ContextAwareBase implements Configurator {
    /** The text layout: time with offset, level, thread, logger, the consultation in hand (MDC), message. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} "
            + "consultation=%X{consultationId:--} - %msg%n";
    /** Libraries whose INFO lines say nothing an operator needs. */
    static final Map<String, Level> QUIETER = Map.of(
            "io.micronaut.context.env", Level.WARN,
            "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = getClass().getClassLoader();
        if (System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        String format = System.getProperty("TRACKER_LOG_FORMAT", System.getenv("TRACKER_LOG_FORMAT"));
        configure(context, "json".equalsIgnoreCase(format));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Sends every event at INFO and above to the console, as text or as JSON. */
    static void configure(LoggerContext context, boolean json) {
        NopStatusListener quiet = new NopStatusListener();
        context.getStatusManager().add(quiet);
        Encoder<ILoggingEvent> encoder;
        if (json) {
            JsonEncoder jsonEncoder = new JsonEncoder();
            jsonEncoder.setContext(context);
            encoder = jsonEncoder;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(context);
            text.setPattern(PATTERN);
            encoder = text;
        }
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(json ? "json" : "text");
        console.setEncoder(encoder);
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
}

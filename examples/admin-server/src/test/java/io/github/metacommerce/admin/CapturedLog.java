package io.github.metacommerce.admin;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Keeps every log line of the test JVM (message, MDC and stack trace) so that tests can scan it for secrets. */
public class CapturedLog extends AppenderBase<ILoggingEvent> {
    private static final ConcurrentLinkedQueue<String> LINES = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder sb = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                .append(' ').append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
        IThrowableProxy t = event.getThrowableProxy();
        if (t != null) {
            sb.append('\n').append(ThrowableProxyUtil.asString(t));
        }
        LINES.add(sb.toString());
    }

    /** @return every line captured so far */
    public static List<String> lines() {
        return new ArrayList<>(LINES);
    }
}

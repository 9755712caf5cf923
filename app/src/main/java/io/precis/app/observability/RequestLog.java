package io.precis.app.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.MDC;

/**
 * The request id and principal of the current HTTP request, as the request log and the MDC carry them.
 * <ul>
 * <li>{@value #REQUEST_ID_HEADER}: taken from the request when it is short and made of safe characters, else generated;
 * returned on every response and put in the MDC as {@value #MDC_REQUEST_ID} for every log line of the request (and,
 * through {@link MdcTaskDecorator}, of the background work it starts).</li>
 * <li>principal: {@code apikey:NAME} for API keys (the key's name, never the key), {@code user:NAME} for signed-in
 * users, {@code anonymous} otherwise; in the MDC as {@value #MDC_PRINCIPAL} once known.</li>
 * </ul>
 */
public final class RequestLog {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String MDC_REQUEST_ID = "requestId";
    public static final String MDC_PRINCIPAL = "principal";
    static final String PRINCIPAL_ATTRIBUTE = RequestLog.class.getName() + ".principal";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestLog() {
    }

    /**
     * Records who is calling ({@code apikey:NAME}, {@code user:NAME}), for the request log line and the MDC of the rest
     * of the request. Never pass a secret.
     */
    public static void principal(HttpServletRequest request, String principal) {
        request.setAttribute(PRINCIPAL_ATTRIBUTE, principal);
        MDC.put(MDC_PRINCIPAL, principal);
    }

    static String principalOf(HttpServletRequest request) {
        Object p = request.getAttribute(PRINCIPAL_ATTRIBUTE);
        if (p != null) {
            return p.toString();
        }
        String user = request.getRemoteUser();
        return user != null ? "user:" + user : "anonymous";
    }

    /** The incoming id when it is safe to log and echo, else a new one. */
    static String requestId(String incoming) {
        if (incoming != null && SAFE_ID.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }
}

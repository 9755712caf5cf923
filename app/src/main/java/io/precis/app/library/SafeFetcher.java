package io.precis.app.library;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches URLs on a user's behalf without letting them reach the server's own network (SSRF):
 * <ul>
 * <li>only {@code http} and {@code https}, no credentials in the URL;</li>
 * <li>the host is resolved once and <em>every</em> address it resolves to must pass the {@link AddressPolicy};
 * the connection then goes to an address that was checked (never a second lookup), so DNS rebinding cannot swap
 * in an internal address between check and use; TLS still verifies the certificate against the host name;</li>
 * <li>redirects are followed by hand, at most {@code maxRedirects}, each target checked like the first URL;</li>
 * <li>the whole fetch has a deadline and the connection a connect timeout; a body is read up to
 * {@code maxBytes} and refused beyond that ("larger than N bytes"), declared or not;</li>
 * <li>only allowlisted content types are read;</li>
 * <li>{@link #robotsAllow(URI)} tells crawlers whether robots.txt lets {@code PrecisBot} fetch a URL
 * ({@link #fetch(URI, Set, boolean)} with {@code respectRobots} checks it first).</li>
 * </ul>
 * A minimal HTTP/1.1 client (Content-Length, chunked, close-delimited, gzip) does the exchange, since the JDK's
 * client cannot be told which address to connect to. Thread-safe.
 */
public final class SafeFetcher {
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    /** The content types a document may be fetched as. */
    public static final Set<String> DOCUMENT_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain",
            "text/markdown", "text/x-markdown", "application/pdf", DOCX);
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_ROBOTS_BYTES = 512 * 1024;
    private static final int MAX_ROBOTS_ENTRIES = 2000;

    /** A URL that passed the checks, with the addresses that may be connected to. */
    public record Target(URI uri, String host, int port, boolean https, List<InetAddress> addresses) {
    }

    /**
     * A fetched document.
     *
     * @param uri       where it finally came from, after redirects
     * @param mediaType the content type without parameters, lower case
     * @param charset   the charset parameter, or null
     */
    public record Response(URI uri, int status, String mediaType, String charset, byte[] body, List<URI> redirects) {
    }

    /** Resolves host names; tests swap it to simulate DNS answers. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private record CachedRobots(RobotsTxt rules, long expiresAtNanos) {
    }

    private final LibraryProperties.Fetch config;
    private final AddressPolicy policy;
    private final Resolver resolver;
    private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();

    public SafeFetcher(LibraryProperties.Fetch config, AddressPolicy policy) {
        this(config, policy, InetAddress::getAllByName);
    }

    public SafeFetcher(LibraryProperties.Fetch config, AddressPolicy policy, Resolver resolver) {
        this.config = config;
        this.policy = policy;
        this.resolver = resolver;
    }

    public LibraryProperties.Fetch config() {
        return config;
    }

    /** Parses and checks a URL typed by a person; see {@link #check(URI)}. */
    public Target check(String url) throws FetchException {
        if (url == null || url.isBlank()) throw new FetchException(FetchException.Kind.REFUSED, "The URL is empty.");
        try {
            return check(new URI(url.strip()));
        } catch (URISyntaxException e) {
            throw new FetchException(FetchException.Kind.REFUSED, "'" + url.strip() + "' is not a valid URL: " + e.getReason() + ".");
        }
    }

    /**
     * Checks scheme, credentials and host, and resolves the host: every address must be allowed.
     *
     * @throws FetchException of kind {@link FetchException.Kind#REFUSED} with the reason
     */
    public Target check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("Only http and https URLs can be fetched" + (scheme.isEmpty() ? "; add 'https://'." : ", not '" + scheme + "'."));
        }
        if (uri.getRawUserInfo() != null) throw refused("URLs with a user name or password are not fetched.");
        String host = uri.getHost();
        if (host == null || host.isBlank()) throw refused("The URL '" + uri + "' has no host.");
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw refused("The host '" + host + "' is not a valid host name.");
        }
        Optional<String> byName = policy.refusal(host);
        if (byName.isPresent()) throw refused("The host '" + host + "' is " + byName.get() + "; such hosts are not fetched.");
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (port < 1 || port > 65535) throw refused("The port " + port + " is not valid.");
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            throw refused("The host '" + host + "' could not be found.");
        }
        if (resolved == null || resolved.length == 0) throw refused("The host '" + host + "' could not be found.");
        for (InetAddress address : resolved) {
            Optional<String> reason = policy.refusal(address);
            if (reason.isPresent()) {
                throw refused("The host '" + host + "' resolves to " + address.getHostAddress() + ", " + reason.get()
                        + "; private, loopback, link-local and metadata addresses are not fetched.");
            }
        }
        return new Target(uri, host, port, scheme.equals("https"), List.of(resolved));
    }

    /** Fetches a document: {@link #DOCUMENT_TYPES} only, robots.txt not consulted (a person asked for this URL). */
    public Response fetch(URI uri) throws FetchException {
        return fetch(uri, DOCUMENT_TYPES, false);
    }

    /**
     * Fetches a URL, following redirects.
     *
     * @param acceptedTypes content types that may be read (without parameters); null for any
     * @param respectRobots whether to check robots.txt first (for crawls); a disallowed URL fails with
     *                      {@link FetchException.Kind#ROBOTS}
     */
    public Response fetch(URI uri, Set<String> acceptedTypes, boolean respectRobots) throws FetchException {
        return fetch(uri, acceptedTypes, respectRobots, config.maxBytes().toBytes());
    }

    private Response fetch(URI uri, Set<String> acceptedTypes, boolean respectRobots, long maxBytes) throws FetchException {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        List<URI> redirects = new ArrayList<>();
        URI current = uri;
        for (int hop = 0; ; hop++) {
            Target target = check(current);
            if (respectRobots && !robotsAllow(current)) {
                throw new FetchException(FetchException.Kind.ROBOTS, "robots.txt of " + origin(current) + " does not allow "
                        + userAgentToken() + " to fetch " + current + ".");
            }
            Exchange exchange = exchange(target, deadline, acceptedTypes, maxBytes);
            if (exchange.location() == null) {
                return new Response(current, exchange.status(), exchange.mediaType(), exchange.charset(), exchange.body(), List.copyOf(redirects));
            }
            if (hop >= config.maxRedirects()) {
                throw new FetchException(FetchException.Kind.HTTP_STATUS, "Too many redirects: " + uri + " redirected more than "
                        + config.maxRedirects() + " times.");
            }
            URI next;
            try {
                next = current.resolve(new URI(exchange.location().strip().replace(" ", "%20")));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new FetchException(FetchException.Kind.HTTP_STATUS, current + " redirected to an invalid URL.");
            }
            redirects.add(next);
            current = next;
        }
    }

    /**
     * Whether robots.txt lets this crawler ({@code PrecisBot}, the first word of the configured user agent) fetch
     * {@code uri}. The file is fetched through the same checks and cached per origin; a missing one (4xx) allows
     * everything, an unreachable one (5xx, timeout, network error) disallows everything, as RFC 9309 says.
     */
    public boolean robotsAllow(URI uri) {
        String origin = origin(uri);
        long now = System.nanoTime();
        CachedRobots cached = robots.get(origin);
        if (cached == null || cached.expiresAtNanos() - now < 0) {
            cached = new CachedRobots(loadRobots(origin), now + config.robotsCacheTtl().toNanos());
            if (robots.size() >= MAX_ROBOTS_ENTRIES) robots.clear();
            robots.put(origin, cached);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
        return cached.rules().allows(path);
    }

    /** The product token robots.txt groups are matched against: the user agent's first word, without version. */
    public String userAgentToken() {
        String ua = config.userAgent().strip();
        int cut = ua.indexOf('/');
        if (cut >= 0) ua = ua.substring(0, cut);
        cut = ua.indexOf(' ');
        return cut >= 0 ? ua.substring(0, cut) : ua;
    }

    private RobotsTxt loadRobots(String origin) {
        try {
            Response r = fetch(URI.create(origin + "/robots.txt"), null, false, MAX_ROBOTS_BYTES);
            return RobotsTxt.parse(new String(r.body(), StandardCharsets.UTF_8), userAgentToken());
        } catch (FetchException e) {
            if (e.kind() == FetchException.Kind.HTTP_STATUS && e.status() >= 400 && e.status() < 500) return RobotsTxt.ALLOW_ALL;
            return RobotsTxt.DISALLOW_ALL;
        }
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    // ---- one HTTP/1.1 exchange -------------------------------------------------------------------------------

    private record Exchange(int status, String location, String mediaType, String charset, byte[] body) {
    }

    private Exchange exchange(Target target, long deadline, Set<String> acceptedTypes, long maxBytes) throws FetchException {
        Socket socket = connect(target, deadline);
        try {
            if (target.https()) socket = tls(socket, target, deadline);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(target).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            int status;
            Map<String, String> headers;
            do {
                arm(socket, deadline, target);
                String statusLine = readLine(in, socket, deadline, target);
                String[] parts = statusLine.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                    throw new FetchException(FetchException.Kind.NETWORK, target.host() + " did not answer with HTTP.");
                }
                try {
                    status = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    throw new FetchException(FetchException.Kind.NETWORK, target.host() + " sent an invalid HTTP status.");
                }
                headers = readHeaders(in, socket, deadline, target);
            } while (status >= 100 && status < 200);

            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                String location = headers.get("location");
                if (location == null || location.isBlank()) {
                    throw new FetchException(FetchException.Kind.HTTP_STATUS, target.uri() + " answered " + status + " without a Location.", status, null);
                }
                return new Exchange(status, location, null, null, null);
            }
            if (status < 200 || status > 299) {
                throw new FetchException(FetchException.Kind.HTTP_STATUS, "The server answered " + status + describe(status)
                        + " for " + target.uri() + ".", status, null);
            }
            String contentType = headers.getOrDefault("content-type", "");
            String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (mediaType.isEmpty()) mediaType = guessType(target.uri());
            if (acceptedTypes != null && !acceptedTypes.contains(mediaType)) {
                throw new FetchException(FetchException.Kind.UNSUPPORTED_TYPE, target.uri() + " is "
                        + (mediaType.isEmpty() ? "of no declared content type" : "'" + mediaType + "'")
                        + "; only HTML, plain text, Markdown, PDF and DOCX can be added.");
            }
            String charset = charset(contentType);
            String length = headers.get("content-length");
            if (length != null) {
                try {
                    if (Long.parseLong(length.strip()) > maxBytes) throw tooLarge(target, maxBytes);
                } catch (NumberFormatException ignored) {
                    // read it and count
                }
            }
            String transfer = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
            byte[] body;
            if (transfer.contains("chunked")) {
                body = readChunked(in, socket, deadline, target, maxBytes);
            } else if (length != null) {
                body = readFully(in, socket, deadline, target, maxBytes, parseLength(length, target));
            } else {
                body = readFully(in, socket, deadline, target, maxBytes, -1);
            }
            String encoding = headers.getOrDefault("content-encoding", "").strip().toLowerCase(Locale.ROOT);
            if (encoding.equals("gzip") || encoding.equals("x-gzip")) body = gunzip(body, target, maxBytes);
            else if (!encoding.isEmpty() && !encoding.equals("identity")) {
                throw new FetchException(FetchException.Kind.UNSUPPORTED_TYPE, target.uri() + " was sent with the encoding '" + encoding + "', which is not supported.");
            }
            return new Exchange(status, null, mediaType, charset, body);
        } catch (SocketTimeoutException e) {
            throw timeout(target);
        } catch (SSLException e) {
            throw new FetchException(FetchException.Kind.NETWORK, "The secure connection to " + target.host() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.NETWORK, "Reading from " + target.host() + " failed: " + e.getMessage(), e);
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private Socket connect(Target target, long deadline) throws FetchException {
        IOException last = null;
        boolean timedOut = false;
        for (InetAddress address : target.addresses()) {
            long remaining = remainingMillis(deadline);
            if (remaining <= 0) throw timeout(target);
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, target.port()),
                        (int) Math.max(1, Math.min(config.connectTimeout().toMillis(), remaining)));
                socket.setTcpNoDelay(true);
                return socket;
            } catch (SocketTimeoutException e) {
                timedOut = true;
                last = e;
                closeQuietly(socket);
            } catch (IOException e) {
                last = e;
                closeQuietly(socket);
            }
        }
        if (timedOut) {
            throw new FetchException(FetchException.Kind.TIMEOUT, "Could not connect to " + target.host() + " within "
                    + seconds(config.connectTimeout()) + ".", last);
        }
        throw new FetchException(FetchException.Kind.NETWORK, "Could not connect to " + target.host() + ":" + target.port()
                + (last != null && last.getMessage() != null ? " (" + last.getMessage() + ")" : "") + ".", last);
    }

    private static Socket tls(Socket plain, Target target, long deadline) throws IOException, FetchException {
        SSLSocketFactory factory = (SSLSocketFactory) SSLSocketFactory.getDefault();
        SSLSocket ssl = (SSLSocket) factory.createSocket(plain, target.host(), target.port(), true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!target.host().contains(":") && !target.host().matches("[0-9.]+")) {
            params.setServerNames(List.of(new SNIHostName(target.host())));
        }
        ssl.setSSLParameters(params);
        long remaining = remainingMillis(deadline);
        if (remaining <= 0) throw new SocketTimeoutException("deadline");
        ssl.setSoTimeout((int) remaining);
        ssl.startHandshake();
        return ssl;
    }

    private String requestHead(Target target) {
        URI uri = target.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
        String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
        boolean defaultPort = target.port() == (target.https() ? 443 : 80);
        return "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + (defaultPort ? "" : ":" + target.port()) + "\r\n"
                + "User-Agent: " + config.userAgent() + "\r\n"
                + "Accept: text/html,application/xhtml+xml,text/plain,text/markdown,application/pdf," + DOCX + ";q=0.9,*/*;q=0.1\r\n"
                + "Accept-Encoding: gzip, identity\r\n"
                + "Connection: close\r\n\r\n";
    }

    private static Map<String, String> readHeaders(InputStream in, Socket socket, long deadline, Target target)
            throws IOException, FetchException {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            String line = readLine(in, socket, deadline, target);
            if (line.isEmpty()) return headers;
            total += line.length();
            if (total > MAX_HEAD_BYTES || headers.size() > 200) {
                throw new FetchException(FetchException.Kind.NETWORK, target.host() + " sent too many response headers.");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
    }

    private static String readLine(InputStream in, Socket socket, long deadline, Target target) throws IOException, FetchException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            arm(socket, deadline, target);
            int c = in.read();
            if (c < 0) {
                if (line.size() == 0) throw new FetchException(FetchException.Kind.NETWORK, target.host() + " closed the connection without an answer.");
                break;
            }
            if (c == '\n') break;
            if (c != '\r') line.write(c);
            if (line.size() > 16 * 1024) throw new FetchException(FetchException.Kind.NETWORK, target.host() + " sent an overlong header line.");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readFully(InputStream in, Socket socket, long deadline, Target target, long maxBytes, long expected)
            throws IOException, FetchException {
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Math.max(expected, 8192), 1 << 20));
        byte[] buffer = new byte[16 * 1024];
        long left = expected;
        while (expected < 0 || left > 0) {
            arm(socket, deadline, target);
            int want = expected < 0 ? buffer.length : (int) Math.min(buffer.length, left);
            int n = in.read(buffer, 0, want);
            if (n < 0) {
                if (expected >= 0) throw new FetchException(FetchException.Kind.NETWORK, target.host() + " closed the connection before the whole body was sent.");
                break;
            }
            if (body.size() + (long) n > maxBytes) throw tooLarge(target, maxBytes);
            body.write(buffer, 0, n);
            left -= n;
        }
        return body.toByteArray();
    }

    private static byte[] readChunked(InputStream in, Socket socket, long deadline, Target target, long maxBytes)
            throws IOException, FetchException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[16 * 1024];
        while (true) {
            String sizeLine = readLine(in, socket, deadline, target);
            int semi = sizeLine.indexOf(';');
            String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).strip();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new FetchException(FetchException.Kind.NETWORK, target.host() + " sent a malformed chunked body.");
            }
            if (size < 0) throw new FetchException(FetchException.Kind.NETWORK, target.host() + " sent a malformed chunked body.");
            if (size == 0) {
                while (!readLine(in, socket, deadline, target).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            if (body.size() + size > maxBytes) throw tooLarge(target, maxBytes);
            long left = size;
            while (left > 0) {
                arm(socket, deadline, target);
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) throw new FetchException(FetchException.Kind.NETWORK, target.host() + " closed the connection in the middle of the body.");
                body.write(buffer, 0, n);
                left -= n;
            }
            readLine(in, socket, deadline, target); // CRLF after the chunk
        }
    }

    private static byte[] gunzip(byte[] compressed, Target target, long maxBytes) throws FetchException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + (long) n > maxBytes) throw tooLarge(target, maxBytes);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FetchException(FetchException.Kind.NETWORK, target.host() + " sent a corrupt gzip body.", e);
        }
    }

    /** Sets the read timeout to what is left of the deadline, or fails when nothing is left. */
    private static void arm(Socket socket, long deadline, Target target) throws IOException, FetchException {
        long remaining = remainingMillis(deadline);
        if (remaining <= 0) throw new SocketTimeoutException("deadline");
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
    }

    private static long remainingMillis(long deadline) {
        return (deadline - System.nanoTime()) / 1_000_000;
    }

    private FetchException timeout(Target target) {
        return new FetchException(FetchException.Kind.TIMEOUT, "No complete answer from " + target.host() + " within "
                + seconds(config.timeout()) + " (the time limit for fetching a URL).");
    }

    private static FetchException tooLarge(Target target, long maxBytes) {
        return new FetchException(FetchException.Kind.TOO_LARGE, "The document at " + target.uri() + " is larger than "
                + maxBytes + " bytes, the most that is fetched.");
    }

    private static long parseLength(String length, Target target) throws FetchException {
        try {
            long n = Long.parseLong(length.strip());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new FetchException(FetchException.Kind.NETWORK, target.host() + " sent an invalid Content-Length.");
        }
    }

    private static String charset(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).replace("\"", "").strip();
            }
        }
        return null;
    }

    private static String guessType(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith(".pdf")) return "application/pdf";
        if (path.endsWith(".docx")) return DOCX;
        if (path.endsWith(".md") || path.endsWith(".markdown")) return "text/markdown";
        if (path.endsWith(".txt")) return "text/plain";
        if (path.endsWith(".html") || path.endsWith(".htm") || path.endsWith("/") || path.isEmpty()) return "text/html";
        return "";
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 410 -> " Gone";
            case 429 -> " Too Many Requests";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }

    private static FetchException refused(String message) {
        return new FetchException(FetchException.Kind.REFUSED, message);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}

package io.eventsync.gateway.abuse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: client libraries normalise paths, refuse bad header values, add a
 * Content-Type and compute Content-Length, which is exactly what a hostile client does not do.
 * Every exchange uses its own connection with {@code Connection: close}.
 */
final class RawHttp {

    /** What came back; {@code status} is 0 when the server closed without answering. */
    record Response(int status, String head, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Status line, headers and body as one text, to look for what must never be echoed. */
        String everything() {
            return head + "\r\n" + bodyText();
        }
    }

    /** The bytes of a request, written as given; the body may be streamed chunked or cut short. */
    static final class Request {
        final String method;
        final String target;
        final List<String[]> headers = new ArrayList<>();
        byte[] body = new byte[0];
        boolean chunked;
        /** A Content-Length to declare instead of the body's; the body is then sent as it is. */
        Long declaredLength;
        boolean noContentLength;

        Request(String method, String target) {
            this.method = method;
            this.target = target;
        }

        Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        byte[] head(String host) {
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            if (headers.stream().noneMatch(h -> "host".equalsIgnoreCase(h[0]))) {
                head.append("Host: ").append(host).append("\r\n");
            }
            for (String[] header : headers) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
            if (chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (declaredLength != null) {
                head.append("Content-Length: ").append(declaredLength).append("\r\n");
            } else if (!noContentLength && (body.length > 0 || !"GET".equals(method) && !"HEAD".equals(method))) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            // Header values are ISO-8859-1 on the wire; a test that wants raw bytes puts them there itself.
            return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code request} on a connection of its own and reads the answer. The body is written by
     * another thread: a server that answers 413 without reading a large body must not deadlock the
     * test against a full socket buffer.
     */
    static Response exchange(int port, String host, Request request, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.head(host));
            out.flush();
            Thread writer = new Thread(() -> writeBody(out, request), "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            try {
                return read(socket.getInputStream(), "HEAD".equals(request.method));
            } finally {
                writer.interrupt();
            }
        }
    }

    private static void writeBody(OutputStream out, Request request) {
        try {
            byte[] body = request.body;
            int chunk = 16 * 1024;
            for (int at = 0; at < body.length && !Thread.currentThread().isInterrupted(); at += chunk) {
                int length = Math.min(chunk, body.length - at);
                if (request.chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(body, at, length);
                if (request.chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            if (request.chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException e) {
            // The server stopped reading (it answered early, e.g. 413): the answer is what counts.
        }
    }

    /**
     * Reads one response: status line, headers, then a body by Content-Length, chunked, or to the end.
     *
     * @throws SocketTimeoutException when nothing complete came back in time (the server hangs)
     */
    static Response read(InputStream in, boolean noBody) throws IOException {
        String head = readHead(in);
        if (head == null) {
            return new Response(0, "", Map.of(), new byte[0]);
        }
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        if (noBody || status == 204 || status == 304 || status / 100 == 1) {
            return new Response(status, head, headers, new byte[0]);
        }
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        byte[] body;
        if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunked(in);
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.get(0)));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, head, headers, body);
    }

    /** The head up to the empty line, or {@code null} when the connection ends before any byte. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside the response head: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in);
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers: none expected, none needed
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b < 0 && line.size() == 0) {
            throw new IOException("connection closed inside a chunked body");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}

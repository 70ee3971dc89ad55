package org.prospectus.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request over a plain socket, with the target sent exactly as given and the
 * answer read to its end: for what a well-behaved client would refuse to send (an encoded
 * slash, a bad escape) or would hide (bytes after the headers of a HEAD).
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * What came back: the status, the headers by lower-case name, and the body, joined
	 * from its chunks and read as UTF-8.
	 */
	public record Response(int status, Map<String, String> headers, String body) {

	}

	public static Response send(int port, String method, String target) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
						+ "\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			// Bytes as characters one for one, so that chunk sizes count right.
			String text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			Map<String, String> headers = new HashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip());
			}
			String body = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding")) && !body.isEmpty()) {
				body = dechunked(body);
			}
			return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers,
					new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
		}
	}

	private static String dechunked(String body) {
		StringBuilder joined = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = body.indexOf("\r\n", at);
			int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
			if (size == 0) {
				return joined.toString();
			}
			joined.append(body, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
	}

}

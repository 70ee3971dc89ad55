package org.prospectus.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A response whose body is held until {@link #send()}, so that {@link PageCache} can
 * decide on the finished page (its status, its caching, whether it set a cookie) and keep
 * its bytes. Unlike Spring's {@code ContentCachingResponseWrapper}, whose writer flushes
 * its encoder after every call (thousands per page, as a template writes text and
 * attributes one by one), this writer flushes only when the page is finished. An error or
 * a redirect goes to the response at once, and nothing is held.
 */
final class RenderedPage extends HttpServletResponseWrapper {

	private final ByteArrayOutputStream content = new ByteArrayOutputStream(32 * 1024);

	private @Nullable ServletOutputStream stream;

	private @Nullable PrintWriter writer;

	private boolean passedOn;

	RenderedPage(HttpServletResponse response) {
		super(response);
	}

	/** Whether the body is here, to keep: not an error or redirect already sent. */
	boolean isBuffered() {
		return !this.passedOn;
	}

	int size() {
		flushWriter();
		return this.content.size();
	}

	byte[] toByteArray() {
		flushWriter();
		return this.content.toByteArray();
	}

	/** Holds these bytes instead of what was written (the page without its marks). */
	void replaceContent(byte[] body) {
		flushWriter();
		this.content.reset();
		this.content.writeBytes(body);
	}

	/** Sends the held body, with its length. */
	void send() throws IOException {
		if (this.passedOn) {
			return;
		}
		flushWriter();
		HttpServletResponse response = (HttpServletResponse) getResponse();
		if (!response.isCommitted()) {
			response.setContentLength(this.content.size());
		}
		this.content.writeTo(response.getOutputStream());
	}

	private void flushWriter() {
		if (this.writer != null) {
			this.writer.flush();
		}
	}

	@Override
	public ServletOutputStream getOutputStream() {
		if (this.writer != null) {
			throw new IllegalStateException("getWriter() was called first");
		}
		if (this.stream == null) {
			this.stream = new ServletOutputStream() {

				@Override
				public void write(int b) {
					RenderedPage.this.content.write(b);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) {
					RenderedPage.this.content.write(bytes, offset, length);
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
					throw new UnsupportedOperationException("A page is rendered before it is sent");
				}

			};
		}
		return this.stream;
	}

	@Override
	public PrintWriter getWriter() {
		if (this.stream != null) {
			throw new IllegalStateException("getOutputStream() was called first");
		}
		if (this.writer == null) {
			this.writer = new PrintWriter(
					new OutputStreamWriter(this.content, Charset.forName(getCharacterEncoding())));
		}
		return this.writer;
	}

	@Override
	public void flushBuffer() {
		// Held until the page is finished: flushing would commit the response.
		flushWriter();
	}

	@Override
	public void setContentLength(int length) {
		// The length is set on sending, from what was written.
	}

	@Override
	public void setContentLengthLong(long length) {
	}

	@Override
	public void resetBuffer() {
		flushWriter();
		this.content.reset();
	}

	@Override
	public void reset() {
		super.reset();
		resetBuffer();
	}

	@Override
	public boolean isCommitted() {
		return this.passedOn || super.isCommitted();
	}

	@Override
	public void sendError(int status, String message) throws IOException {
		this.passedOn = true;
		super.sendError(status, message);
	}

	@Override
	public void sendError(int status) throws IOException {
		this.passedOn = true;
		super.sendError(status);
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		this.passedOn = true;
		super.sendRedirect(location);
	}

	@Override
	public void sendRedirect(String location, int status) throws IOException {
		this.passedOn = true;
		super.sendRedirect(location, status);
	}

	@Override
	public void sendRedirect(String location, boolean clearBuffer) throws IOException {
		this.passedOn = true;
		super.sendRedirect(location, clearBuffer);
	}

	@Override
	public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
		this.passedOn = true;
		super.sendRedirect(location, status, clearBuffer);
	}

}

package org.prospectus.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

	private final int holdAtMost;

	/** Where the body goes: {@link #content}, or the response once it outgrew it. */
	private final OutputStream body = new OutputStream() {

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (RenderedPage.this.streamed == null
					&& RenderedPage.this.content.size() + (long) length > RenderedPage.this.holdAtMost) {
				streamFromHere();
			}
			if (RenderedPage.this.streamed != null) {
				RenderedPage.this.streamed.write(bytes, offset, length);
			}
			else {
				RenderedPage.this.content.write(bytes, offset, length);
			}
		}

	};

	/** The length the writer declared, passed on when the body is not held whole. */
	private long declaredLength = -1;

	/** The response's own stream, once the body is too large to hold. */
	private @Nullable OutputStream streamed;

	private @Nullable ServletOutputStream stream;

	private @Nullable PrintWriter writer;

	private boolean passedOn;

	RenderedPage(HttpServletResponse response) {
		this(response, Integer.MAX_VALUE);
	}

	/**
	 * A response held whole up to {@code holdAtMost} bytes; a larger body (a document
	 * download) is sent as it is written from there on.
	 */
	RenderedPage(HttpServletResponse response, int holdAtMost) {
		super(response);
		this.holdAtMost = holdAtMost;
	}

	/** Whether the body is here, to keep: not an error or redirect already sent. */
	boolean isBuffered() {
		return !this.passedOn && this.streamed == null;
	}

	private void streamFromHere() throws IOException {
		OutputStream out = getResponse().getOutputStream();
		this.content.writeTo(out);
		this.content.reset();
		this.streamed = out;
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
		if (this.streamed != null) {
			return;
		}
		HttpServletResponse response = (HttpServletResponse) getResponse();
		// A HEAD writes no body but declares the GET's length: that length stands.
		if (!response.isCommitted() && !(this.content.size() == 0 && this.declaredLength >= 0)) {
			response.setContentLength(this.content.size());
		}
		this.content.writeTo(response.getOutputStream());
	}

	private void flushWriter() {
		if (this.writer != null) {
			this.writer.flush();
		}
	}

	/** Whether the body is sent as it is written, being too large to hold. */
	boolean isStreamed() {
		return this.streamed != null;
	}

	@Override
	public ServletOutputStream getOutputStream() {
		if (this.writer != null) {
			throw new IllegalStateException("getWriter() was called first");
		}
		if (this.stream == null) {
			this.stream = new ServletOutputStream() {

				@Override
				public void write(int b) throws IOException {
					RenderedPage.this.body.write(b);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					RenderedPage.this.body.write(bytes, offset, length);
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
			this.writer = new PrintWriter(new OutputStreamWriter(this.body, Charset.forName(getCharacterEncoding())));
		}
		return this.writer;
	}

	@Override
	public void flushBuffer() throws IOException {
		// Held until the page is finished: flushing would commit the response.
		flushWriter();
		if (this.streamed != null) {
			this.streamed.flush();
		}
	}

	@Override
	public void setContentLength(int length) {
		// The length is set on sending, from what was written; a body too large to
		// hold keeps the length its writer gave.
		if (this.holdAtMost != Integer.MAX_VALUE) {
			this.declaredLength = length;
			super.setContentLength(length);
		}
	}

	@Override
	public void setContentLengthLong(long length) {
		if (this.holdAtMost != Integer.MAX_VALUE) {
			this.declaredLength = length;
			super.setContentLengthLong(length);
		}
	}

	@Override
	public void resetBuffer() {
		flushWriter();
		if (this.streamed == null) {
			this.content.reset();
		}
		else {
			super.resetBuffer();
		}
	}

	@Override
	public void reset() {
		super.reset();
		resetBuffer();
	}

	@Override
	public boolean isCommitted() {
		return this.passedOn || this.streamed != null || super.isCommitted();
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

package org.prospectus.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * An upload copied to a temporary file before anything looks at it, so that it is read
 * from the request once, is never held whole in memory, and stops being read as soon as
 * it passes its size limit. Closing deletes the file.
 */
public final class SpooledUpload implements AutoCloseable {

	private final Path file;

	private final long size;

	private SpooledUpload(Path file, long size) {
		this.file = file;
		this.size = size;
	}

	/**
	 * Copies at most {@code limit} bytes of {@code content} to a new temporary file.
	 * @param prefix the start of the temporary file's name
	 * @param tooLarge what to throw when the content passes the limit; the file is gone
	 * by then
	 */
	public static SpooledUpload of(String prefix, InputStream content, long limit,
			Supplier<? extends RuntimeException> tooLarge) {
		Path file;
		try {
			file = Files.createTempFile(prefix, ".upload");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a temporary file for the upload", ex);
		}
		try (OutputStream out = Files.newOutputStream(file)) {
			long copied = 0;
			byte[] buffer = new byte[8192];
			for (int read = content.read(buffer); read != -1; read = content.read(buffer)) {
				copied += read;
				if (copied > limit) {
					throw tooLarge.get();
				}
				out.write(buffer, 0, read);
			}
			return new SpooledUpload(file, copied);
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(file);
			if (ex instanceof IOException io) {
				throw new UncheckedIOException("Could not keep the upload in a temporary file", io);
			}
			throw (RuntimeException) ex;
		}
	}

	public Path file() {
		return this.file;
	}

	/** How many bytes were copied. */
	public long size() {
		return this.size;
	}

	@Override
	public void close() {
		deleteQuietly(this.file);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// The system's temporary directory is cleaned anyway.
		}
	}

}

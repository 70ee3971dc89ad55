package org.prospectus.applications;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.prospectus.support.PdfCheck;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;

/**
 * Decides what an uploaded file is by its content alone, never by its name or the type
 * the browser declared, and then proves it: Apache Tika's magic-byte detector, given only
 * these three types, must name PDF, JPEG or PNG, and the file must then open as that: a
 * PDF parses with pages and without encryption, an image decodes to its last row. A file
 * that merely starts like an allowed type (an HTML page behind a JPEG header, a PDF
 * behind a PNG signature, a picture cut short) is refused.
 */
final class UploadInspector {

	/** Images above this many pixels are refused rather than decoded. */
	static final long MAX_PIXELS = 100_000_000L;

	/** An image is decoded subsampled to about this many pixels, to bound memory. */
	private static final long CHECK_PIXELS = 1_000_000L;

	/** Tika's detector, knowing only the accepted types (upload-types.xml). */
	private static final MimeTypes TYPES = acceptedTypes();

	private UploadInspector() {
	}

	/** An accepted type: what it is sent as and the extension it is stored under. */
	enum Type {

		PDF("application/pdf", "pdf"), JPEG("image/jpeg", "jpg"), PNG("image/png", "png");

		final String contentType;

		final String extension;

		Type(String contentType, String extension) {
			this.contentType = contentType;
			this.extension = extension;
		}

	}

	/**
	 * What the file is.
	 * @throws RejectedUploadException when it is none of the accepted types, or is
	 * damaged
	 */
	static Type inspect(Path file) throws IOException {
		Type type = detect(file);
		switch (type) {
			case PDF -> checkPdf(file);
			case JPEG, PNG -> checkImage(file, type);
		}
		return type;
	}

	private static MimeTypes acceptedTypes() {
		try (InputStream definitions = UploadInspector.class.getResourceAsStream("upload-types.xml")) {
			if (definitions == null) {
				throw new IllegalStateException("upload-types.xml is missing");
			}
			return MimeTypesFactory.create(definitions);
		}
		catch (IOException | MimeTypeException ex) {
			throw new IllegalStateException("Could not read upload-types.xml", ex);
		}
	}

	/** Tika's verdict from the first bytes only: no file name is given to it. */
	private static Type detect(Path file) throws IOException {
		MediaType detected;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			detected = TYPES.detect(in, new Metadata());
		}
		var registry = TYPES.getMediaTypeRegistry();
		for (Type type : Type.values()) {
			if (registry.isInstanceOf(detected, MediaType.parse(type.contentType))) {
				return type;
			}
		}
		throw new RejectedUploadException(RejectedUploadException.Reason.NOT_ALLOWED_TYPE);
	}

	private static void checkPdf(Path file) {
		switch (PdfCheck.of(file)) {
			case ENCRYPTED -> throw new RejectedUploadException(RejectedUploadException.Reason.ENCRYPTED);
			case UNREADABLE -> throw new RejectedUploadException(RejectedUploadException.Reason.UNREADABLE);
			case READABLE -> {
			}
		}
	}

	/**
	 * Decodes the whole image, subsampled so that memory stays small whatever its size; a
	 * decoder's warning (such as a premature end of the data) counts as damage.
	 */
	private static void checkImage(Path file, Type type) {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.contentType);
			if (in == null || !readers.hasNext()) {
				throw new RejectedUploadException(RejectedUploadException.Reason.UNREADABLE);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width < 1 || height < 1) {
					throw new RejectedUploadException(RejectedUploadException.Reason.UNREADABLE);
				}
				if (width * height > MAX_PIXELS) {
					throw new RejectedUploadException(RejectedUploadException.Reason.TOO_MANY_PIXELS);
				}
				int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) (width * height) / CHECK_PIXELS)));
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				AtomicBoolean warned = new AtomicBoolean();
				reader.addIIOReadWarningListener((source, warning) -> warned.set(true));
				BufferedImage image = reader.read(0, param);
				if (image == null || warned.get()) {
					throw new RejectedUploadException(RejectedUploadException.Reason.UNREADABLE);
				}
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof RejectedUploadException rejected) {
				throw rejected;
			}
			throw new RejectedUploadException(RejectedUploadException.Reason.UNREADABLE);
		}
	}

}

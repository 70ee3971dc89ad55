package org.prospectus.applications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.prospectus.support.SpooledUpload;

import org.springframework.modulith.NamedInterface;

/**
 * A PDF uploaded alongside an application by someone other than its applicant, such as a
 * referee's letter: held to the same checks as every application document (size, content
 * by its bytes rather than its name, a PDF that opens and is not encrypted), and to PDF
 * alone.
 */
@NamedInterface("api")
public final class PdfUploads {

	private PdfUploads() {
	}

	/**
	 * The file's bytes, once checked.
	 * @param size the size the request declared, or -1 when unknown
	 * @throws RejectedUploadException when it is empty, too large, not a PDF, or does not
	 * open as one
	 */
	public static byte[] checked(InputStream content, long size) {
		if (size > ApplicationDocuments.MAX_SIZE) {
			throw new RejectedUploadException(RejectedUploadException.Reason.TOO_LARGE);
		}
		try (SpooledUpload upload = SpooledUpload.of("pdf-upload-", content, ApplicationDocuments.MAX_SIZE,
				() -> new RejectedUploadException(RejectedUploadException.Reason.TOO_LARGE))) {
			if (upload.size() == 0) {
				throw new RejectedUploadException(RejectedUploadException.Reason.EMPTY);
			}
			if (UploadInspector.inspect(upload.file()) != UploadInspector.Type.PDF) {
				throw new RejectedUploadException(RejectedUploadException.Reason.NOT_ALLOWED_TYPE);
			}
			return Files.readAllBytes(upload.file());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the upload's temporary file", ex);
		}
	}

}

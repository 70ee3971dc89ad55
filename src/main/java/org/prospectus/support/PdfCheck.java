package org.prospectus.support;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Whether a file is a PDF a reader can open: parsed by PDFBox, not encrypted, with at
 * least one page. One check for every PDF the portal accepts, from staff and applicants.
 */
public final class PdfCheck {

	/** What the check found. */
	public enum Result {

		READABLE, ENCRYPTED, UNREADABLE

	}

	private PdfCheck() {
	}

	public static Result of(Path file) {
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			if (document.isEncrypted()) {
				return Result.ENCRYPTED;
			}
			return (document.getNumberOfPages() < 1) ? Result.UNREADABLE : Result.READABLE;
		}
		catch (InvalidPasswordException ex) {
			return Result.ENCRYPTED;
		}
		catch (IOException | RuntimeException ex) {
			// PDFBox reports a damaged file with many kinds of exception.
			return Result.UNREADABLE;
		}
	}

}

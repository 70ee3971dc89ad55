package org.prospectus.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF as a reader sees it, with each run of white space one space. */
public final class PdfText {

	private PdfText() {
	}

	/**
	 * The families of the fonts a PDF's pages use, by the base font's name without its
	 * style (Times-Bold is Times) or subset tag.
	 */
	public static Set<String> fontFamilies(byte[] pdf) {
		Set<String> families = new TreeSet<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			for (PDPage page : document.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					String font = resources.getFont(name).getName();
					String base = font.contains("+") ? font.substring(font.indexOf('+') + 1) : font;
					families.add(base.split("[-,]")[0]);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not a readable PDF", ex);
		}
		return families;
	}

	public static String of(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not a readable PDF", ex);
		}
	}

}

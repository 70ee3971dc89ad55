package org.prospectus.applications;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Files to upload, good and hostile, made in memory. */
public final class UploadFiles {

	public static final String HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>";

	private UploadFiles() {
	}

	public static byte[] pdf(String text) {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				content.newLineAtOffset(72, 700);
				content.showText(text);
				content.endText();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] encryptedPdf() {
		return encryptedPdf("open sesame");
	}

	/** A PDF protected by a password; an empty one still encrypts it. */
	public static byte[] encryptedPdf(String userPassword) {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner secret", userPassword,
					new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A picture of noise, so that it compresses badly and cutting it loses pixel data.
	 */
	public static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(42);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt(0xFFFFFF));
			}
		}
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.BLACK);
		graphics.drawString("Passport", 10, 20);
		graphics.dispose();
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] jpeg() {
		return image("jpg", 200, 120);
	}

	public static byte[] png() {
		return image("png", 200, 120);
	}

	public static byte[] html() {
		return HTML.getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] svg() {
		return ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" onload=\"alert(1)\">"
				+ "<script>alert(document.domain)</script></svg>")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A JPEG's start-of-image and JFIF header, then a web page: Tika calls it a JPEG. */
	public static byte[] jpegHeaderThenHtml() {
		byte[] header = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00,
				0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00 };
		return concat(header, html());
	}

	/**
	 * The PNG signature, then a whole PDF: Tika calls it a PNG, a lenient PDF reader a
	 * PDF.
	 */
	public static byte[] pngSignatureThenPdf() {
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
		return concat(signature, pdf("Hidden behind a PNG signature"));
	}

	public static byte[] truncated(byte[] content) {
		return Arrays.copyOf(content, content.length / 2);
	}

	public static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}

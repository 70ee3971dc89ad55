package org.prospectus.applications;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What a file is decides by its content alone, and the content must open as that. */
class UploadInspectorTests {

	@TempDir
	Path dir;

	Path file(String name, byte[] content) throws IOException {
		return Files.write(this.dir.resolve(name), content);
	}

	UploadInspector.Type inspect(String name, byte[] content) throws IOException {
		return UploadInspector.inspect(file(name, content));
	}

	void assertRefused(String name, byte[] content, RejectedUploadException.Reason reason) {
		assertThatExceptionOfType(RejectedUploadException.class).isThrownBy(() -> inspect(name, content))
			.satisfies((ex) -> assertThat(ex.reason()).as(name).isEqualTo(reason));
	}

	@Test
	void acceptsPdfJpegAndPngByTheirContentWhateverTheirName() throws IOException {
		assertThat(inspect("a.txt", UploadFiles.pdf("Transcript"))).isEqualTo(UploadInspector.Type.PDF);
		assertThat(inspect("a.png", UploadFiles.jpeg())).isEqualTo(UploadInspector.Type.JPEG);
		assertThat(inspect("a.pdf", UploadFiles.png())).isEqualTo(UploadInspector.Type.PNG);
	}

	@Test
	void refusesWhatIsNotPdfJpegOrPng() {
		assertRefused("page.pdf", UploadFiles.html(), RejectedUploadException.Reason.NOT_ALLOWED_TYPE);
		assertRefused("drawing.png", UploadFiles.svg(), RejectedUploadException.Reason.NOT_ALLOWED_TYPE);
		assertRefused("drawing.svg.png",
				("<?xml version=\"1.0\"?>\n" + new String(UploadFiles.svg(), StandardCharsets.UTF_8))
					.getBytes(StandardCharsets.UTF_8),
				RejectedUploadException.Reason.NOT_ALLOWED_TYPE);
		assertRefused("anim.png", UploadFiles.image("gif", 20, 20), RejectedUploadException.Reason.NOT_ALLOWED_TYPE);
		assertRefused("notes.pdf", "Just some text".getBytes(StandardCharsets.UTF_8),
				RejectedUploadException.Reason.NOT_ALLOWED_TYPE);
	}

	@Test
	void refusesPolyglotsThatOnlyStartLikeAnAllowedType() {
		assertRefused("photo.jpg", UploadFiles.jpegHeaderThenHtml(), RejectedUploadException.Reason.UNREADABLE);
		assertRefused("scan.png", UploadFiles.pngSignatureThenPdf(), RejectedUploadException.Reason.UNREADABLE);
		assertRefused("doc.pdf", ("%PDF-1.7\n" + UploadFiles.HTML).getBytes(StandardCharsets.US_ASCII),
				RejectedUploadException.Reason.UNREADABLE);
	}

	@Test
	void refusesFilesCutShort() {
		assertRefused("cut.png", UploadFiles.truncated(UploadFiles.png()), RejectedUploadException.Reason.UNREADABLE);
		assertRefused("cut.jpg", UploadFiles.truncated(UploadFiles.jpeg()), RejectedUploadException.Reason.UNREADABLE);
		assertRefused("cut.pdf", UploadFiles.truncated(UploadFiles.pdf("Cut")),
				RejectedUploadException.Reason.UNREADABLE);
	}

	@Test
	void refusesAnEncryptedPdf() {
		assertRefused("secret.pdf", UploadFiles.encryptedPdf(), RejectedUploadException.Reason.ENCRYPTED);
	}

}

package org.prospectus.programme;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.prospectus.web.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The published programme's course description (a PDF staff uploaded), for download. */
@Controller
class ProgrammeDocumentController {

	private final ProgrammeService programmes;

	ProgrammeDocumentController(ProgrammeService programmes) {
		this.programmes = programmes;
	}

	@GetMapping("/programmes/{slug}/course-description.pdf")
	ResponseEntity<byte[]> document(@PathVariable String slug) {
		ProgrammeService.DocumentDownload document = this.programmes.findDocument(slug)
			.orElseThrow(() -> NotFoundException.forDocument(slug));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic())
			.body(document.content());
	}

}

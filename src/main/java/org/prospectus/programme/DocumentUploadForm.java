package org.prospectus.programme;

import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;

/** The course description upload: one file, checked by {@link ProgrammeDocuments}. */
public record DocumentUploadForm(@Nullable MultipartFile file) {

	/** The form as the page first shows it. */
	static DocumentUploadForm empty() {
		return new DocumentUploadForm(null);
	}

}

package org.prospectus.programme;

import org.springframework.web.multipart.MultipartFile;

/** The course description upload: one file, checked by {@link ProgrammeDocuments}. */
public class DocumentUploadForm {

	private MultipartFile file;

	public MultipartFile getFile() {
		return this.file;
	}

	public void setFile(MultipartFile file) {
		this.file = file;
	}

}

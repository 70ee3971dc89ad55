package org.prospectus.applications;

import org.springframework.web.multipart.MultipartFile;

/**
 * One document upload: the file only. Its kind comes from the address the form posts to,
 * and everything else about it from its content, checked by {@link ApplicationDocuments}.
 */
public class DocumentUploadForm {

	private MultipartFile file;

	public MultipartFile getFile() {
		return this.file;
	}

	public void setFile(MultipartFile file) {
		this.file = file;
	}

}

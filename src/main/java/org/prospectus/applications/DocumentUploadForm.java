package org.prospectus.applications;

import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;

/**
 * One document upload: the file only. Its kind comes from the address the form posts to,
 * and everything else about it from its content, checked by {@link ApplicationDocuments}.
 */
public record DocumentUploadForm(@Nullable MultipartFile file) {

}

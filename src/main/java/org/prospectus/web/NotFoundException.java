package org.prospectus.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A page that does not exist: answered with the site's 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	private NotFoundException(String message) {
		super(message, null, false, false);
	}

	public static NotFoundException forProgramme(String slug) {
		return new NotFoundException("No programme '" + slug + "'");
	}

	public static NotFoundException forCourse(String code) {
		return new NotFoundException("No course '" + code + "'");
	}

	public static NotFoundException forDocument(String slug) {
		return new NotFoundException("No document for '" + slug + "'");
	}

	/** A page that this deployment has switched off. */
	public static NotFoundException forDisabledPage(String path) {
		return new NotFoundException("Page " + path + " is switched off");
	}

	/**
	 * Something asked for that does not exist, or that the person may not see: both
	 * answer alike, so that nobody learns which.
	 */
	public static NotFoundException forMissing(String what) {
		return new NotFoundException("No " + what);
	}

	/** A record staff asked for by its id that does not exist. */
	public static NotFoundException forRecord(String type, long id) {
		return new NotFoundException("No " + type + " " + id);
	}

}

package org.prospectus.course;

import java.util.List;
import java.util.Locale;

import org.springframework.modulith.NamedInterface;

/**
 * The published programmes whose plan has a course, for the course page's way back to
 * them. A course never names a programme, so the programme module answers this (the
 * dependency runs from programmes to courses, as everywhere else).
 */
@NamedInterface("api")
public interface CourseProgrammes {

	/**
	 * The published programmes whose plan has the course, by title, each titled in the
	 * language given where translated.
	 */
	List<Link> of(long courseId, Locale language);

	/**
	 * A programme as a link names it.
	 *
	 * @param slug the last part of its page's address
	 * @param title its title
	 * @param writtenIn the language of the title, a BCP 47 tag
	 */
	record Link(String slug, String title, String writtenIn) {
	}

}

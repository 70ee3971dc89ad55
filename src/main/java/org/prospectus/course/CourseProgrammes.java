package org.prospectus.course;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * The published programmes whose plan has a course, for the course page's way back to
 * them. A course never names a programme, so the programme module answers this (the
 * dependency runs from programmes to courses, as everywhere else).
 */
@NamedInterface("api")
public interface CourseProgrammes {

	/** The published programmes whose plan has the course, by title. */
	List<Link> of(long courseId);

	/**
	 * A programme as a link names it.
	 *
	 * @param slug the last part of its page's address
	 * @param title its title
	 */
	record Link(String slug, String title) {
	}

}

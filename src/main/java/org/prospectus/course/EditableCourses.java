package org.prospectus.course;

import java.util.Optional;

import org.prospectus.institution.Institutions;
import org.prospectus.web.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * The courses, syllabus versions and offerings the signed-in editor may edit, stage and
 * publish: those of the institutions where they are a catalogue editor (ADR 0018). Every
 * course editing service looks its records up here, so the rule holds whatever the web
 * layer let through; another institution's course is, to them, not there. A version or an
 * offering is found only under its own course.
 */
@Component
class EditableCourses {

	private final CourseRepository courses;

	private final SyllabusRepository syllabuses;

	private final CourseOfferingRepository offerings;

	EditableCourses(CourseRepository courses, SyllabusRepository syllabuses, CourseOfferingRepository offerings) {
		this.courses = courses;
		this.syllabuses = syllabuses;
		this.offerings = offerings;
	}

	/** The course with its institution, when the signed-in editor may edit it. */
	Optional<Course> find(long id) {
		return this.courses.findWithInstitution(id).filter(EditableCourses::editable);
	}

	/**
	 * The course, when the signed-in editor may edit it.
	 * @throws NotFoundException when there is none, or it is another institution's
	 */
	Course get(long id) {
		return find(id).orElseThrow(() -> NotFoundException.forRecord("course", id));
	}

	/** The syllabus version of this course, when the signed-in editor may edit it. */
	Optional<Syllabus> syllabus(long courseId, long id) {
		return this.syllabuses.findWithCourse(id)
			.filter((syllabus) -> syllabus.getCourse().getId() == courseId && editable(syllabus.getCourse()));
	}

	/** The offering of this course, when the signed-in editor may edit it. */
	Optional<CourseOffering> offering(long courseId, long id) {
		return this.offerings.findWithCourse(id)
			.filter((offering) -> offering.getCourse().getId() == courseId && editable(offering.getCourse()));
	}

	/**
	 * Refuses a syllabus version the signed-in editor may not edit.
	 * @throws NotFoundException when there is none, or it is another institution's
	 */
	void checkSyllabus(long id) {
		this.syllabuses.findWithCourse(id)
			.filter((syllabus) -> editable(syllabus.getCourse()))
			.orElseThrow(() -> NotFoundException.forRecord("syllabus", id));
	}

	/**
	 * Refuses an offering the signed-in editor may not edit.
	 * @throws NotFoundException when there is none, or it is another institution's
	 */
	void checkOffering(long id) {
		this.offerings.findWithCourse(id)
			.filter((offering) -> editable(offering.getCourse()))
			.orElseThrow(() -> NotFoundException.forRecord("offering", id));
	}

	private static boolean editable(Course course) {
		return Institutions.editable(course.getInstitution().getId());
	}

}

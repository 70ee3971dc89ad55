package org.prospectus.course;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.institution.Institution;
import org.prospectus.institution.Institutions;
import org.prospectus.staging.PendingRevision;
import org.prospectus.staging.PendingRevisions;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * Editing a course's own fields. Edits of an existing course are staged as its pending
 * revision, which the staff preview shows and publishing writes onto the live course; a
 * new course starts as a draft with its fields written directly, since only staff see a
 * draft.
 */
@Service
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
public class CourseEditing {

	private final CourseRepository courses;

	private final Institutions institutions;

	private final PendingRevisions revisions;

	private final AuditLog auditLog;

	private final EditableCourses editable;

	CourseEditing(CourseRepository courses, Institutions institutions, PendingRevisions revisions, AuditLog auditLog,
			EditableCourses editable) {
		this.editable = editable;
		this.courses = courses;
		this.institutions = institutions;
		this.revisions = revisions;
		this.auditLog = auditLog;
	}

	/**
	 * What the edit page starts from: the pending revision if any, else the live course.
	 */
	@Transactional(readOnly = true)
	public Optional<Draft<Course, CourseForm>> draft(long id) {
		return this.editable.find(id).map((course) -> {
			Optional<PendingRevision<CourseForm>> pending = pending(id);
			CourseForm form = pending.map((revision) -> {
				CourseForm saved = revision.form();
				saved.setVersion(course.getVersion());
				saved.setRevision(revision.version());
				return saved;
			}).orElseGet(() -> CourseForm.of(course));
			return new Draft<>(course, form, pending.orElse(null));
		});
	}

	@Transactional(readOnly = true)
	public Optional<PendingRevision<CourseForm>> pending(long id) {
		this.editable.get(id);
		return this.revisions.find(CoursePublishing.COURSE, id, CourseForm.class);
	}

	/** Checks a form: its content, or {@code null} with the reasons in {@code errors}. */
	public @Nullable CourseContent check(CourseForm form, Errors errors) {
		return form.toContent(errors);
	}

	/**
	 * The credits the course will have once its pending edits are published: what its
	 * syllabus modules must add up to.
	 */
	@Transactional(readOnly = true)
	public BigDecimal creditsAfterPublishing(Course course) {
		return pending(course.getId())
			.map((revision) -> revision.form().toContent(new BeanPropertyBindingResult(revision.form(), "form")))
			.map(CourseContent::credits)
			.orElse(course.getCredits());
	}

	/**
	 * Saves the form as the course's pending revision.
	 * @throws ObjectOptimisticLockingFailureException when the course was published,
	 * retired or changed since the form was loaded
	 * @throws org.prospectus.staging.StaleRevisionException when someone saved, published
	 * or discarded its pending edits since
	 */
	@Transactional
	public void save(long id, CourseForm form) {
		Course course = this.editable.get(id);
		if (course.getVersion() != form.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(Course.class, id);
		}
		CourseForm before = pending(id).map(PendingRevision::form).orElseGet(() -> CourseForm.of(course));
		List<FieldChange> changes = FieldChange.between(before.describe(), form.describe());
		if (changes.isEmpty()) {
			// Saved as it was shown: nothing to stage, nothing to record.
			return;
		}
		Long expected = form.getRevision();
		form.setRevision(null);
		this.revisions.save(CoursePublishing.COURSE, id, course.getVersion(), expected, form);
		this.auditLog.record(AuditAction.UPDATE, CoursePublishing.COURSE, id,
				"Saved unpublished changes to the course " + course.getCode() + " " + course.getTitle(), changes);
	}

	/**
	 * Creates a draft course.
	 * @return its id
	 * @throws CodeTakenException when another course has the code
	 */
	@Transactional
	public long create(NewCourseForm form, CourseContent content) {
		Institution institution = this.institutions.find(form.institutionId()).orElseThrow();
		String code = form.normalizedCode();
		if (this.courses.existsByCode(code)) {
			throw new CodeTakenException();
		}
		Course course = new Course(institution, code, content.title(), content.credits(), content.creditSystem());
		content.applyTo(course);
		this.courses.save(course);
		this.auditLog.record(AuditAction.CREATE, CoursePublishing.COURSE, course.getId(),
				"Created the draft course " + code + " " + course.getTitle() + " of " + institution.getName(),
				FieldChange.between(new CourseForm().describe(), CourseForm.of(course).describe()));
		return course.getId();
	}

	@Transactional(readOnly = true)
	public List<Institution> institutions() {
		return this.institutions.allByName();
	}

	/**
	 * An edit page's starting point.
	 *
	 * @param <R> the live record's type
	 * @param <F> the form's type
	 * @param record the live record
	 * @param form the pending edits, or the live content
	 * @param pending the pending revision, or {@code null}
	 */
	public record Draft<R, F>(R record, F form, @Nullable PendingRevision<F> pending) {

	}

	/** Another course already has the code: course codes are unique across the portal. */
	public static class CodeTakenException extends RuntimeException {

		CodeTakenException() {
			super("Course code taken", null, false, false);
		}

	}

}

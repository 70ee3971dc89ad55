package org.prospectus.course;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.staging.PendingRevision;
import org.prospectus.staging.PendingRevisions;

import org.prospectus.web.NotFoundException;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Editing a course's syllabus versions. A new version is created held back from the
 * public; edits of an existing one are staged as its pending revision. Either goes public
 * when the course is published from its preview.
 */
@Service
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
public class SyllabusEditing {

	private final SyllabusRepository syllabuses;

	private final CourseEditing courseEditing;

	private final PendingRevisions revisions;

	private final AuditLog auditLog;

	private final EditableCourses editable;

	SyllabusEditing(SyllabusRepository syllabuses, CourseEditing courseEditing, PendingRevisions revisions,
			AuditLog auditLog, EditableCourses editable) {
		this.editable = editable;
		this.syllabuses = syllabuses;
		this.courseEditing = courseEditing;
		this.revisions = revisions;
		this.auditLog = auditLog;
	}

	/**
	 * What the edit page of a version starts from: its pending revision if any, else its
	 * live content.
	 */
	@Transactional(readOnly = true)
	public Optional<CourseEditing.Draft<Syllabus, SyllabusForm>> draft(long courseId, long id) {
		return find(courseId, id).map((syllabus) -> {
			Optional<PendingRevision<SyllabusForm>> pending = pending(id);
			SyllabusForm form = pending.map((revision) -> {
				SyllabusForm saved = revision.form();
				saved.setVersion(syllabus.getVersion());
				saved.setRevision(revision.version());
				return saved;
			}).orElseGet(() -> SyllabusForm.of(syllabus));
			return new CourseEditing.Draft<>(syllabus, form, pending.orElse(null));
		});
	}

	/**
	 * What a new version starts from: a copy of the latest version, with the edits
	 * pending on it, so that the editor changes what differs and types nothing twice;
	 * blank when the course has none. The term it starts is left for the editor to
	 * choose.
	 */
	@Transactional(readOnly = true)
	public SyllabusForm newForm(Course course) {
		List<Syllabus> oldestFirst = this.syllabuses.findAllVersionsWithModules(course);
		if (oldestFirst.isEmpty()) {
			return new SyllabusForm();
		}
		Syllabus latest = oldestFirst.get(oldestFirst.size() - 1);
		return draft(course.getId(), latest.getId()).map((draft) -> draft.form().asNewVersion())
			.orElseGet(SyllabusForm::new);
	}

	@Transactional(readOnly = true)
	public Optional<PendingRevision<SyllabusForm>> pending(long id) {
		this.editable.checkSyllabus(id);
		return this.revisions.find(CoursePublishing.SYLLABUS, id, SyllabusForm.class);
	}

	/**
	 * Checks a form against the course: the modules must add up to the credits the course
	 * will have, and no other version may start the same term.
	 * @param id the version edited, or {@code null} for a new one
	 * @return its content, or {@code null} with the reasons in {@code errors}
	 */
	@Transactional(readOnly = true)
	public @Nullable SyllabusContent check(Course course, @Nullable Long id, SyllabusForm form, Errors errors) {
		return form.toContent(errors, this.courseEditing.creditsAfterPublishing(course), otherTerms(course, id));
	}

	/**
	 * The credits the modules must add up to: the course's, with its pending edits.
	 */
	@Transactional(readOnly = true)
	public BigDecimal moduleCreditsFor(Course course) {
		return this.courseEditing.creditsAfterPublishing(course);
	}

	/** The terms the course's other versions start, with their pending edits. */
	private Set<Term> otherTerms(Course course, Long id) {
		List<Syllabus> others = this.syllabuses.findAllVersionsWithModules(course)
			.stream()
			.filter((syllabus) -> !syllabus.getId().equals(id))
			.toList();
		Set<Term> terms = new HashSet<>();
		for (Syllabus other : others) {
			Term pendingTerm = pending(other.getId()).map((revision) -> revision.form().validFromTerm()).orElse(null);
			terms.add((pendingTerm != null) ? pendingTerm : other.getValidFrom());
		}
		return terms;
	}

	/**
	 * Saves the form as the version's pending revision.
	 * @throws ObjectOptimisticLockingFailureException when the version changed since the
	 * form was loaded
	 * @throws org.prospectus.staging.StaleRevisionException when someone saved, published
	 * or discarded its pending edits since
	 */
	@Transactional
	public void save(long courseId, long id, SyllabusForm form) {
		Syllabus syllabus = find(courseId, id).orElseThrow(() -> NotFoundException.forRecord("syllabus", id));
		if (syllabus.getVersion() != form.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(Syllabus.class, id);
		}
		SyllabusForm before = pending(id).map(PendingRevision::form).orElseGet(() -> SyllabusForm.of(syllabus));
		List<FieldChange> changes = FieldChange.between(before.describe(), form.describe());
		if (changes.isEmpty()) {
			// Saved as it was shown: nothing to stage, nothing to record.
			return;
		}
		Long expected = form.getRevision();
		form.setRevision(null);
		this.revisions.save(CoursePublishing.SYLLABUS, id, syllabus.getVersion(), expected, form);
		Course course = syllabus.getCourse();
		this.auditLog.record(AuditAction.UPDATE, CoursePublishing.SYLLABUS, id,
				"Saved unpublished changes to the syllabus of " + course.getCode() + " valid from "
						+ syllabus.getValidFrom().season().name() + " " + syllabus.getValidFrom().year(),
				changes);
	}

	/**
	 * Adds a version, held back from the public until the course is published.
	 * @return its id
	 */
	@Transactional
	public long create(long courseId, SyllabusContent content) {
		Course course = this.editable.get(courseId);
		Syllabus syllabus = Syllabus.unpublished(course, content.validFrom());
		content.applyFields(syllabus);
		content.addRows(syllabus);
		this.syllabuses.save(syllabus);
		this.auditLog.record(AuditAction.CREATE, CoursePublishing.SYLLABUS, syllabus.getId(),
				"Added an unpublished syllabus version of " + course.getCode() + " valid from "
						+ content.validFrom().season().name() + " " + content.validFrom().year(),
				FieldChange.between(new SyllabusForm().describe(), SyllabusForm.of(syllabus).describe()));
		return syllabus.getId();
	}

	@Transactional(readOnly = true)
	public Optional<Course> course(long courseId) {
		return this.editable.find(courseId);
	}

	private Optional<Syllabus> find(long courseId, long id) {
		return this.editable.syllabus(courseId, id);
	}

}

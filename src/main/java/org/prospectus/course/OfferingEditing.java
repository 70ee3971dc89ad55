package org.prospectus.course;

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
import org.prospectus.support.FieldChecks;

import org.prospectus.web.NotFoundException;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Editing a course's offerings. A new offering is created held back from the public;
 * edits of an existing one are staged as its pending revision. Either goes public when
 * the course is published from its preview.
 */
@Service
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
public class OfferingEditing {

	private final CourseOfferingRepository offerings;

	private final PendingRevisions revisions;

	private final AuditLog auditLog;

	private final EditableCourses editable;

	OfferingEditing(CourseOfferingRepository offerings, PendingRevisions revisions, AuditLog auditLog,
			EditableCourses editable) {
		this.editable = editable;
		this.offerings = offerings;
		this.revisions = revisions;
		this.auditLog = auditLog;
	}

	/**
	 * What the edit page of an offering starts from: its pending revision if any, else
	 * its live content.
	 */
	@Transactional(readOnly = true)
	public Optional<CourseEditing.Draft<CourseOffering, OfferingForm>> draft(long courseId, long id) {
		return find(courseId, id).map((offering) -> {
			Optional<PendingRevision<OfferingForm>> pending = pending(id);
			OfferingForm form = pending.map((revision) -> {
				OfferingForm saved = revision.form();
				saved.setVersion(offering.getVersion());
				saved.setRevision(revision.version());
				return saved;
			}).orElseGet(() -> OfferingForm.of(offering));
			return new CourseEditing.Draft<>(offering, form, pending.orElse(null));
		});
	}

	@Transactional(readOnly = true)
	public Optional<PendingRevision<OfferingForm>> pending(long id) {
		this.editable.checkOffering(id);
		return this.revisions.find(CoursePublishing.OFFERING, id, OfferingForm.class);
	}

	/**
	 * Checks a form: no other offering of the course may use the application code in the
	 * same term.
	 * @param id the offering edited, or {@code null} for a new one
	 * @return its content, or {@code null} with the reasons in {@code errors}
	 */
	@Transactional(readOnly = true)
	public @Nullable OfferingContent check(Course course, @Nullable Long id, OfferingForm form, Errors errors) {
		return form.toContent(errors, otherApplicationCodes(course, id));
	}

	/**
	 * The application codes of the course's other offerings, with their pending edits.
	 */
	private Set<String> otherApplicationCodes(Course course, Long id) {
		Set<String> codes = new HashSet<>();
		for (CourseOffering other : this.offerings.findAllWithPeriods(course)) {
			if (other.getId().equals(id)) {
				continue;
			}
			codes.add(OfferingForm.applicationKey(other.getTerm(), other.getApplicationCode()));
			pending(other.getId()).map(PendingRevision::form)
				.filter((form) -> form.termValue() != null && !FieldChecks.blank(form.getApplicationCode()))
				.ifPresent(
						(form) -> codes.add(OfferingForm.applicationKey(form.termValue(), form.getApplicationCode())));
		}
		return codes;
	}

	/**
	 * Saves the form as the offering's pending revision.
	 * @throws ObjectOptimisticLockingFailureException when the offering changed since the
	 * form was loaded
	 * @throws org.prospectus.staging.StaleRevisionException when someone saved, published
	 * or discarded its pending edits since
	 */
	@Transactional
	public void save(long courseId, long id, OfferingForm form) {
		CourseOffering offering = find(courseId, id).orElseThrow(() -> NotFoundException.forRecord("offering", id));
		if (offering.getVersion() != form.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(CourseOffering.class, id);
		}
		OfferingForm before = pending(id).map(PendingRevision::form).orElseGet(() -> OfferingForm.of(offering));
		List<FieldChange> changes = FieldChange.between(before.describe(), form.describe());
		if (changes.isEmpty()) {
			// Saved as it was shown: nothing to stage, nothing to record.
			return;
		}
		Long expected = form.getRevision();
		form.setRevision(null);
		this.revisions.save(CoursePublishing.OFFERING, id, offering.getVersion(), expected, form);
		this.auditLog.record(AuditAction.UPDATE, CoursePublishing.OFFERING, id, "Saved unpublished changes to the "
				+ offering.getCourse().getCode() + " offering with application code " + offering.getApplicationCode(),
				changes);
	}

	/**
	 * Adds an offering, held back from the public until the course is published.
	 * @return its id
	 */
	@Transactional
	public long create(long courseId, OfferingContent content) {
		Course course = this.editable.get(courseId);
		CourseOffering offering = content.newOffering(course);
		this.offerings.save(offering);
		this.auditLog.record(AuditAction.CREATE, CoursePublishing.OFFERING, offering.getId(),
				"Added an unpublished offering of " + course.getCode() + " with application code "
						+ offering.getApplicationCode(),
				FieldChange.between(new OfferingForm().describe(), OfferingForm.of(offering).describe()));
		return offering.getId();
	}

	@Transactional(readOnly = true)
	public Optional<Course> course(long courseId) {
		return this.editable.find(courseId);
	}

	private Optional<CourseOffering> find(long courseId, long id) {
		return this.editable.offering(courseId, id);
	}

}

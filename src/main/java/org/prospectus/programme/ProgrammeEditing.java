package org.prospectus.programme;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.course.Course;
import org.prospectus.course.CourseService;
import org.prospectus.institution.Institution;
import org.prospectus.institution.Institutions;
import org.prospectus.staging.PendingRevision;
import org.prospectus.staging.PendingRevisions;
import org.prospectus.staging.ScheduledPublications;
import org.prospectus.staging.PublicationState;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * Editing a programme's content. Edits are staged: saving keeps them as the programme's
 * pending revision, which the staff preview shows and publishing writes onto the live
 * programme. The public page keeps showing the published content meanwhile. A new
 * programme starts as a draft with its content written directly, since nobody outside the
 * staff sees a draft.
 */
@Service
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
@NamedInterface("api")
public class ProgrammeEditing {

	private final ProgrammeRepository programmes;

	private final Institutions institutions;

	private final CourseService courses;

	private final TestimonialRepository testimonials;

	private final PlanEntryRepository plans;

	private final PendingRevisions revisions;

	private final AuditLog auditLog;

	private final EntityManager entityManager;

	private final EditableProgrammes editable;

	private final CareerRepository careers;

	private final ScheduledPublications schedules;

	ProgrammeEditing(ProgrammeRepository programmes, Institutions institutions, CourseService courses,
			TestimonialRepository testimonials, PlanEntryRepository plans, PendingRevisions revisions,
			AuditLog auditLog, EntityManager entityManager, EditableProgrammes editable, CareerRepository careers,
			ScheduledPublications schedules) {
		this.schedules = schedules;
		this.editable = editable;
		this.careers = careers;
		this.programmes = programmes;
		this.institutions = institutions;
		this.courses = courses;
		this.testimonials = testimonials;
		this.plans = plans;
		this.revisions = revisions;
		this.auditLog = auditLog;
		this.entityManager = entityManager;
	}

	/**
	 * What the edit page starts from: the pending revision when there is one, else the
	 * live content.
	 */
	@Transactional(readOnly = true)
	public Optional<Draft> draft(long id) {
		return this.editable.find(id).map((programme) -> {
			Optional<PendingRevision<ProgrammeForm>> pending = pending(id);
			ProgrammeForm form = pending.map((revision) -> {
				ProgrammeForm saved = revision.form();
				saved.setVersion(programme.getVersion());
				saved.setRevision(revision.version());
				return saved;
			}).orElseGet(() -> liveForm(programme));
			return new Draft(programme, form, pending.orElse(null));
		});
	}

	/**
	 * What publishing the pending revision would change, field by field: none when there
	 * is none.
	 */
	@Transactional(readOnly = true)
	public List<FieldChange> pendingChanges(long id) {
		return this.editable.find(id)
			.flatMap((programme) -> pending(id)
				.map((revision) -> FieldChange.between(liveForm(programme).describe(), revision.form().describe())))
			.orElse(List.of());
	}

	@Transactional(readOnly = true)
	public Optional<PendingRevision<ProgrammeForm>> pending(long id) {
		this.editable.check(id);
		return this.revisions.find(ProgrammePublishing.ENTITY_TYPE, id, ProgrammeForm.class);
	}

	/**
	 * Checks a form: its content, or {@code null} with the reasons in {@code errors}.
	 */
	@Transactional(readOnly = true)
	public @Nullable ProgrammeContent check(ProgrammeForm form, Errors errors) {
		Set<String> known = careerOptions().stream().map(Career::getSlug).collect(Collectors.toSet());
		if (!known.containsAll(form.chosenCareers())) {
			errors.rejectValue("careers", "programme.form.careers.unknown");
		}
		ProgrammeContent content = form.toContent(errors, this::findCourse);
		return errors.hasErrors() ? null : content;
	}

	/** The careers of the careers page, which a programme may say it leads to. */
	@Transactional(readOnly = true)
	public List<Career> careerOptions() {
		return this.careers.findAllInOrder();
	}

	/**
	 * Saves the form as the programme's pending revision.
	 * @throws StaleProgrammeException when the programme was published or retired since
	 * the form was loaded
	 * @throws org.prospectus.staging.StaleRevisionException when someone saved, published
	 * or discarded its pending edits since
	 */
	@Transactional
	public void save(long id, ProgrammeForm form) {
		Programme programme = this.editable.get(id);
		if (programme.getVersion() != form.getVersion()) {
			throw new StaleProgrammeException(programme);
		}
		ProgrammeForm before = pending(id).map(PendingRevision::form).orElseGet(() -> liveForm(programme));
		List<FieldChange> changes = FieldChange.between(before.describe(), form.describe());
		if (changes.isEmpty()) {
			// Saved as it was shown: nothing to stage, nothing to record.
			return;
		}
		Long expected = form.getRevision();
		form.setRevision(null);
		this.revisions.save(ProgrammePublishing.ENTITY_TYPE, id, programme.getVersion(), expected, form);
		this.auditLog.record(AuditAction.UPDATE, ProgrammePublishing.ENTITY_TYPE, id,
				"Saved unpublished changes to the programme " + programme.getTitle() + " of "
						+ programme.getInstitution().getName(),
				changes);
	}

	/**
	 * Throws away the pending edits.
	 * @throws org.prospectus.staging.StaleRevisionException when they are not the ones
	 * the editor saw
	 */
	@Transactional
	public void discard(long id, Long expectedRevision) {
		Programme programme = this.editable.get(id);
		Optional<ProgrammeForm> discarded = this.revisions.take(ProgrammePublishing.ENTITY_TYPE, id, expectedRevision,
				ProgrammeForm.class);
		this.schedules.cancel(ProgrammePublishing.ENTITY_TYPE, id, programme.getInstitution().getZone(),
				ProgrammePublishing.what(programme), "its changes were discarded");
		if (discarded.isPresent()) {
			this.auditLog.record(AuditAction.DISCARD, ProgrammePublishing.ENTITY_TYPE, id,
					"Discarded unpublished changes to the programme " + programme.getTitle(),
					FieldChange.between(discarded.get().describe(), liveForm(programme).describe()));
		}
	}

	/**
	 * The page a programme would have with its pending edits published, for the staff
	 * preview. Nothing is written: the programme is detached before the edits are laid
	 * over it.
	 */
	@Transactional(readOnly = true)
	public Optional<ProgrammePage> previewPage(long id) {
		Optional<Programme> found = this.editable.find(id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Programme programme = found.get();
		Optional<PendingRevision<ProgrammeForm>> pending = pending(id);
		ProgrammeContent content = pending
			.map((revision) -> revision.form()
				.toContent(new BeanPropertyBindingResult(revision.form(), "form"), this::findCourse))
			.orElse(null);
		if (content == null) {
			return Optional.of(new ProgrammePage(programme, this.testimonials.findByProgrammeOrderByPosition(programme),
					PlanView.of(this.plans.findPublicPlan(programme))));
		}
		this.entityManager.detach(programme);
		content.applyTo(programme);
		List<PlanEntry> plan = content.planFor(programme)
			.stream()
			.filter((entry) -> entry.getCourse().getState() != PublicationState.DRAFT)
			.toList();
		return Optional.of(new ProgrammePage(programme, content.testimonialsFor(programme), PlanView.of(plan)));
	}

	/**
	 * Writes checked content onto the live programme, replacing its testimonials and
	 * plan; for publishing.
	 * @return each field before and after
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<FieldChange> apply(Programme programme, ProgrammeContent content) {
		ProgrammeForm before = liveForm(programme);
		content.applyTo(programme);
		this.testimonials.deleteByProgramme(programme);
		this.plans.deleteByProgramme(programme);
		this.testimonials.saveAll(content.testimonialsFor(programme));
		this.plans.saveAll(content.planFor(programme));
		linkCareers(programme, content.careers());
		// Rows of the programme changed even when its own columns did not: a page shown
		// before must not publish again.
		this.entityManager.lock(programme, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
		return FieldChange.between(before.describe(), liveFormAfter(programme, content).describe());
	}

	/**
	 * Creates a draft programme.
	 * @return its id
	 * @throws IdentityTakenException when the slug, or the code within the institution,
	 * is taken
	 */
	@Transactional
	public long create(NewProgrammeForm form, ProgrammeContent content) {
		Institution institution = this.institutions.find(form.institutionId()).orElseThrow();
		String slug = form.getSlug().strip();
		String code = form.getCode().strip().toUpperCase(Locale.ROOT);
		if (this.programmes.existsBySlug(slug)) {
			throw new IdentityTakenException("slug");
		}
		if (this.programmes.existsByInstitutionAndCode(institution, code)) {
			throw new IdentityTakenException("code");
		}
		Programme programme = new Programme(institution, code, slug, content.title());
		content.applyTo(programme);
		this.programmes.save(programme);
		this.testimonials.saveAll(content.testimonialsFor(programme));
		this.plans.saveAll(content.planFor(programme));
		linkCareers(programme, content.careers());
		ProgrammeForm empty = new ProgrammeForm();
		this.auditLog.record(AuditAction.CREATE, ProgrammePublishing.ENTITY_TYPE, programme.getId(),
				"Created the draft programme " + programme.getTitle() + " (" + code + ") of " + institution.getName(),
				FieldChange.between(empty.describe(), liveFormAfter(programme, content).describe()));
		return programme.getId();
	}

	/**
	 * A programme to refer to from another entity, by id, without loading it: the caller
	 * has checked that it exists.
	 */
	public Programme reference(long id) {
		return this.programmes.getReferenceById(id);
	}

	/** An institution's programmes, by title, whatever their state. */
	@Transactional(readOnly = true)
	public List<Programme> ofInstitution(long institutionId) {
		return this.programmes.findByInstitutionId(institutionId);
	}

	/**
	 * Every programme with its institution, whatever its state: those of the given
	 * institution first, then the others by institution, each group by title.
	 */
	@Transactional(readOnly = true)
	public List<Programme> allFirstOf(long institutionId) {
		return this.programmes.findAllWithInstitutionFirstOf(institutionId);
	}

	@Transactional(readOnly = true)
	public List<Institution> institutions() {
		return this.institutions.allByName();
	}

	private Optional<Course> findCourse(String code) {
		return this.courses.findByCode(code);
	}

	private ProgrammeForm liveForm(Programme programme) {
		return ProgrammeForm.of(programme, this.testimonials.findByProgrammeOrderByPosition(programme),
				this.plans.findWholePlan(programme),
				this.careers.findLinksOf(programme.getId())
					.stream()
					.sorted(Comparator.comparingInt(ProgrammeCareer::getPosition))
					.map((link) -> link.getCareer().getSlug())
					.toList());
	}

	private static ProgrammeForm liveFormAfter(Programme programme, ProgrammeContent content) {
		return ProgrammeForm.of(programme, content.testimonialsFor(programme), content.planFor(programme),
				content.careers());
	}

	/** Replaces the programme's links to careers with these, in this order. */
	private void linkCareers(Programme programme, List<String> slugs) {
		this.careers.deleteLinksOf(programme);
		Map<String, Career> bySlug = careerOptions().stream()
			.collect(Collectors.toMap(Career::getSlug, Function.identity()));
		for (int i = 0; i < slugs.size(); i++) {
			Career career = bySlug.get(slugs.get(i));
			if (career != null) {
				this.entityManager.persist(new ProgrammeCareer(programme, career, i + 1));
			}
		}
	}

	/**
	 * The edit page's starting point.
	 *
	 * @param programme the live programme
	 * @param form the pending edits, or the live content
	 * @param pending the pending revision, or {@code null}
	 */
	public record Draft(Programme programme, ProgrammeForm form, @Nullable PendingRevision<ProgrammeForm> pending) {

	}

	/** Another programme has the slug, or the institution already uses the code. */
	public static class IdentityTakenException extends RuntimeException {

		private final String field;

		IdentityTakenException(String field) {
			super("Taken: " + field, null, false, false);
			this.field = field;
		}

		public String field() {
			return this.field;
		}

	}

}

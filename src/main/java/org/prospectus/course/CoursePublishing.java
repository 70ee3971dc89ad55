package org.prospectus.course;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffScope;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.prospectus.audit.FieldChange;
import org.prospectus.staging.InvalidRevisionException;
import org.prospectus.staging.PendingRevision;
import org.prospectus.staging.PendingRevisions;
import org.prospectus.staging.ScheduleForm;
import org.prospectus.staging.ScheduledPublications;
import org.prospectus.staging.ScheduledPublications.Schedule;
import org.prospectus.staging.ScheduledPublisher.ScheduleRefusedException;
import org.prospectus.staging.PublicationState;
import org.prospectus.staging.StaleRevisionException;
import org.prospectus.support.FieldChecks;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.modulith.NamedInterface;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/**
 * The life of a course on the public site, for catalogue editors. A course, its syllabus
 * versions and its offerings are published together: the staff preview shows the real
 * public page with every pending change and every new version or offering laid over, and
 * publishing applies exactly what it showed, in one transaction, or nothing.
 */
@Service
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
@NamedInterface("api")
public class CoursePublishing {

	/** The entity type of courses in the audit log, pending revisions and schedules. */
	public static final String COURSE = "course";

	static final String SYLLABUS = "syllabus";

	static final String OFFERING = "course-offering";

	private final CourseRepository courses;

	private final SyllabusRepository syllabuses;

	private final CourseOfferingRepository offerings;

	private final PendingRevisions revisions;

	private final AuditLog auditLog;

	private final EntityManager entityManager;

	private final Clock clock;

	private final EditableCourses editable;

	private final ScheduledPublications schedules;

	CoursePublishing(CourseRepository courses, SyllabusRepository syllabuses, CourseOfferingRepository offerings,
			PendingRevisions revisions, AuditLog auditLog, EntityManager entityManager, Clock clock,
			EditableCourses editable, ScheduledPublications schedules) {
		this.editable = editable;
		this.schedules = schedules;
		this.courses = courses;
		this.syllabuses = syllabuses;
		this.offerings = offerings;
		this.revisions = revisions;
		this.auditLog = auditLog;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page<Course> search(@Nullable String text, @Nullable PublicationState state, Pageable pageable) {
		return this.courses.searchForStaff(StaffScope.current().isEverywhere(StaffRole.EDITOR),
				StaffScope.current().institutionsForQuery(StaffRole.EDITOR), (text != null) ? text.strip() : "", state,
				pageable);
	}

	@Transactional(readOnly = true)
	public Optional<Course> find(long id) {
		return this.editable.find(id);
	}

	/**
	 * Which of these courses have unpublished changes: pending edits of the course or of
	 * a version or offering, or a version or offering not yet published.
	 */
	@Transactional(readOnly = true)
	public Set<Long> pendingAmong(List<Course> listed) {
		Set<Long> pending = new HashSet<>(
				this.revisions.pendingAmong(COURSE, listed.stream().map(Course::getId).toList()));
		if (listed.isEmpty()) {
			return pending;
		}
		Map<Long, Long> syllabusCourse = new LinkedHashMap<>();
		Map<Long, Long> offeringCourse = new LinkedHashMap<>();
		for (Object[] row : this.entityManager
			.createQuery("select s.id, s.course.id, s.published from Syllabus s where s.course in :courses",
					Object[].class)
			.setParameter("courses", listed)
			.getResultList()) {
			syllabusCourse.put((Long) row[0], (Long) row[1]);
			if (!(Boolean) row[2]) {
				pending.add((Long) row[1]);
			}
		}
		for (Object[] row : this.entityManager
			.createQuery("select o.id, o.course.id, o.published from CourseOffering o where o.course in :courses",
					Object[].class)
			.setParameter("courses", listed)
			.getResultList()) {
			offeringCourse.put((Long) row[0], (Long) row[1]);
			if (!(Boolean) row[2]) {
				pending.add((Long) row[1]);
			}
		}
		this.revisions.pendingAmong(SYLLABUS, List.copyOf(syllabusCourse.keySet()))
			.forEach((id) -> pending.add(syllabusCourse.get(id)));
		this.revisions.pendingAmong(OFFERING, List.copyOf(offeringCourse.keySet()))
			.forEach((id) -> pending.add(offeringCourse.get(id)));
		return pending;
	}

	/** The staff page of a course: its versions and offerings and what is unpublished. */
	@Transactional(readOnly = true)
	public Optional<StaffView> staffView(long id) {
		return this.editable.find(id).map((course) -> {
			List<Syllabus> versions = this.syllabuses.findAllVersionsWithModules(course);
			List<CourseOffering> all = this.offerings.findAllWithPeriods(course);
			return new StaffView(course, versions, all, changesOf(course, versions, all));
		});
	}

	/**
	 * What is unpublished in a course: its pending revisions and its versions and
	 * offerings not yet published.
	 */
	private UnpublishedChanges changesOf(Course course, List<Syllabus> versions, List<CourseOffering> all) {
		Long courseRevision = this.revisions.find(COURSE, course.getId(), CourseForm.class)
			.map(PendingRevision::version)
			.orElse(null);
		Map<Long, Long> syllabusRevisions = new LinkedHashMap<>();
		Set<Long> newSyllabuses = new LinkedHashSet<>();
		for (Syllabus syllabus : versions) {
			this.revisions.find(SYLLABUS, syllabus.getId(), SyllabusForm.class)
				.ifPresent((revision) -> syllabusRevisions.put(syllabus.getId(), revision.version()));
			if (!syllabus.isPublished()) {
				newSyllabuses.add(syllabus.getId());
			}
		}
		Map<Long, Long> offeringRevisions = new LinkedHashMap<>();
		Set<Long> newOfferings = new LinkedHashSet<>();
		for (CourseOffering offering : all) {
			this.revisions.find(OFFERING, offering.getId(), OfferingForm.class)
				.ifPresent((revision) -> offeringRevisions.put(offering.getId(), revision.version()));
			if (!offering.isPublished()) {
				newOfferings.add(offering.getId());
			}
		}
		return new UnpublishedChanges(courseRevision, syllabusRevisions, newSyllabuses, offeringRevisions,
				newOfferings);
	}

	/**
	 * What publishing the course would change, part by part: the course's own fields,
	 * each syllabus version's and each offering's, field by field; a new version or
	 * offering with every field.
	 */
	@Transactional(readOnly = true)
	public List<ChangeGroup> pendingChanges(long id) {
		Course course = this.editable.get(id);
		List<ChangeGroup> groups = new ArrayList<>();
		this.revisions.find(COURSE, id, CourseForm.class)
			.map((revision) -> FieldChange.between(CourseForm.of(course).describe(), revision.form().describe()))
			.filter((changes) -> !changes.isEmpty())
			.ifPresent((changes) -> groups.add(new ChangeGroup("course", course.getCode(), null, false, changes)));
		for (Syllabus syllabus : this.syllabuses.findAllVersionsWithModules(course)) {
			Map<String, String> live = SyllabusForm.of(syllabus).describe();
			List<FieldChange> changes = this.revisions.find(SYLLABUS, syllabus.getId(), SyllabusForm.class)
				.map((revision) -> FieldChange.between(syllabus.isPublished() ? live : Map.of(),
						revision.form().describe()))
				.orElseGet(() -> syllabus.isPublished() ? List.of() : FieldChange.between(Map.of(), live));
			if (!changes.isEmpty()) {
				groups.add(new ChangeGroup("syllabus", course.getCode(), syllabus.getValidFrom(),
						!syllabus.isPublished(), changes));
			}
		}
		for (CourseOffering offering : this.offerings.findAllWithPeriods(course)) {
			Map<String, String> live = OfferingForm.of(offering).describe();
			List<FieldChange> changes = this.revisions.find(OFFERING, offering.getId(), OfferingForm.class)
				.map((revision) -> FieldChange.between(offering.isPublished() ? live : Map.of(),
						revision.form().describe()))
				.orElseGet(() -> offering.isPublished() ? List.of() : FieldChange.between(Map.of(), live));
			if (!changes.isEmpty()) {
				groups.add(new ChangeGroup("offering", offering.getApplicationCode(), offering.getTerm(),
						!offering.isPublished(), changes));
			}
		}
		return groups;
	}

	/**
	 * The changes to one part of a course.
	 *
	 * @param part "course", "syllabus" or "offering"
	 * @param name the course's code, or the offering's application code
	 * @param term the version's first term or the offering's, or {@code null}
	 * @param added whether the part is new, not yet published
	 * @param changes its fields before and after
	 */
	public record ChangeGroup(String part, String name, @Nullable Term term, boolean added, List<FieldChange> changes) {

	}

	/**
	 * The public page the course would have with everything unpublished published, for
	 * the staff preview. Nothing is written: every record is detached before the edits
	 * are laid over it, in a read-only transaction.
	 */
	@Transactional(readOnly = true)
	public Optional<Preview> preview(long id) {
		Optional<Course> found = this.editable.find(id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Course course = found.get();
		List<Syllabus> versions = this.syllabuses.findAllVersionsWithModules(course);
		List<CourseOffering> all = this.offerings.findAllWithPeriods(course);
		UnpublishedChanges changes = changesOf(course, versions, all);
		Map<Long, List<Prerequisite>> prerequisites = new LinkedHashMap<>();
		for (Syllabus syllabus : versions) {
			// Loaded while attached; the page shows one version's, but which one may
			// change.
			prerequisites.put(syllabus.getId(), List.copyOf(syllabus.getPrerequisites()));
		}
		this.entityManager.detach(course);
		this.revisions.find(COURSE, id, CourseForm.class)
			.map((revision) -> revision.form().toContent(new BeanPropertyBindingResult(revision.form(), "form")))
			.ifPresent((content) -> content.applyTo(course));
		for (Syllabus syllabus : versions) {
			this.entityManager.detach(syllabus);
			Optional<SyllabusForm> pending = this.revisions.find(SYLLABUS, syllabus.getId(), SyllabusForm.class)
				.map(PendingRevision::form);
			if (pending.isPresent()) {
				// The preview shows valid pending edits; publishing refuses invalid ones.
				SyllabusContent content = pending.get()
					.toContent(new BeanPropertyBindingResult(pending.get(), "form"), null, Set.of());
				if (content != null) {
					content.applyFields(syllabus);
					syllabus.clearModules();
					syllabus.clearPrerequisites();
					content.addRows(syllabus);
					prerequisites.put(syllabus.getId(), List.copyOf(syllabus.getPrerequisites()));
				}
			}
		}
		for (CourseOffering offering : all) {
			this.entityManager.detach(offering);
			this.revisions.find(OFFERING, offering.getId(), OfferingForm.class)
				.map(PendingRevision::form)
				.map((form) -> form.toContent(new BeanPropertyBindingResult(form, "form"), Set.of()))
				.ifPresent((content) -> content.applyTo(offering));
		}
		LocalDate today = LocalDate.now(this.clock);
		List<CourseOffering> shown = all.stream()
			.filter((offering) -> !offering.getEndDate().isBefore(today.minus(CourseService.RECENT)))
			.sorted(Comparator.comparing(CourseOffering::getStartDate))
			.toList();
		List<Syllabus> ordered = versions.stream().sorted(Comparator.comparing(Syllabus::getValidFrom)).toList();
		CoursePage page = CourseService.assemble(course, shown, ordered,
				(syllabus) -> prerequisites.getOrDefault(syllabus.getId(), List.of()), this.courses::findPublishedCodes,
				today, null);
		return Optional.of(new Preview(page, changes));
	}

	/** When the course's changes are scheduled to go live, if they are. */
	@Transactional(readOnly = true)
	public Optional<Schedule> scheduleOf(long id) {
		this.editable.get(id);
		return this.schedules.find(COURSE, id);
	}

	/**
	 * Schedules the course's publication, with every version and offering change as the
	 * preview shows it then, at the time typed in its institution's zone; each reason it
	 * cannot beside the field.
	 * @return whether it was scheduled
	 */
	@Transactional
	public boolean schedule(long id, ScheduleForm form, Errors errors) {
		Course course = this.editable.get(id);
		boolean hasChanges = course.getState() != PublicationState.PUBLISHED
				|| !changesOf(course, this.syllabuses.findAllVersionsWithModules(course),
						this.offerings.findAllWithPeriods(course))
					.isEmpty();
		return this.schedules.schedule(COURSE, id, course.getInstitution().getId(), course.getInstitution().getZone(),
				form, hasChanges, what(course), errors);
	}

	/**
	 * Cancels the course's scheduled publication; its changes stay staged.
	 * @return whether it had one
	 */
	@Transactional
	public boolean unschedule(long id) {
		Course course = this.editable.get(id);
		return this.schedules.cancel(COURSE, id, course.getInstitution().getZone(), what(course), "cancelled by hand");
	}

	private static String what(Course course) {
		return "the course " + course.getCode() + " " + course.getTitle();
	}

	/**
	 * Publishes the course with everything unpublished in it, exactly as previewed.
	 * @param expectedVersion the course's version the preview showed
	 * @param seen the unpublished changes the preview showed, as
	 * {@link UnpublishedChanges#tokens()}
	 * @throws ObjectOptimisticLockingFailureException when the course changed since
	 * @throws StaleRevisionException when its unpublished changes did
	 * @throws PartRefusedException when a change no longer passes its checks
	 */
	@Transactional
	public void publish(long id, long expectedVersion, Set<String> seen) {
		Course course = this.editable.get(id);
		if (course.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Course.class, id);
		}
		List<Syllabus> versions = this.syllabuses.findAllVersionsWithModules(course);
		List<CourseOffering> all = this.offerings.findAllWithPeriods(course);
		UnpublishedChanges changes = changesOf(course, versions, all);
		if (!changes.tokens().equals(seen)) {
			throw new StaleRevisionException(COURSE, id);
		}
		publish(course, versions, all, changes);
		this.schedules.cancel(COURSE, id, course.getInstitution().getZone(), what(course), "published before its time");
	}

	/**
	 * Publishes the course with everything unpublished in it, as its preview shows it
	 * now, for a schedule that came due: {@link ScheduledPublications} takes the schedule
	 * in the same transaction.
	 * @throws ScheduleRefusedException when there is nothing to publish or a change no
	 * longer passes its checks
	 */
	@Transactional
	public void publishScheduled(long id) {
		Course course = this.editable.get(id);
		List<Syllabus> versions = this.syllabuses.findAllVersionsWithModules(course);
		List<CourseOffering> all = this.offerings.findAllWithPeriods(course);
		UnpublishedChanges changes = changesOf(course, versions, all);
		if (course.getState() == PublicationState.PUBLISHED && changes.isEmpty()) {
			throw new ScheduleRefusedException("schedule.failure.nothing");
		}
		try {
			publish(course, versions, all, changes);
		}
		catch (PartRefusedException ex) {
			throw new ScheduleRefusedException("schedule.failure.invalid");
		}
	}

	private void publish(Course course, List<Syllabus> versions, List<CourseOffering> all, UnpublishedChanges changes) {
		long id = course.getId();
		PublicationState stateBefore = course.getState();
		if (stateBefore == PublicationState.PUBLISHED && changes.isEmpty()) {
			return;
		}
		List<FieldChange> courseChanges = new ArrayList<>();
		Optional<CourseForm> courseForm = this.revisions.take(COURSE, id, changes.courseRevision(), CourseForm.class);
		if (courseForm.isPresent()) {
			Errors errors = new BeanPropertyBindingResult(courseForm.get(), "form");
			CourseContent content = courseForm.get().toContent(errors);
			if (content == null) {
				throw new PartRefusedException(COURSE, id, errors);
			}
			CourseForm before = CourseForm.of(course);
			content.applyTo(course);
			courseChanges.addAll(FieldChange.between(before.describe(), CourseForm.of(course).describe()));
		}
		publishSyllabuses(course, versions, changes);
		publishOfferings(course, all, changes);
		course.publish();
		courseChanges
			.addAll(new FieldChange.Diff().field("programme.state", stateBefore, PublicationState.PUBLISHED).changes());
		// Rows of the course changed even when its own columns did not: a preview shown
		// before must not publish again.
		this.entityManager.lock(course, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
		this.auditLog.record(AuditAction.PUBLISH, COURSE, id,
				((stateBefore == PublicationState.PUBLISHED) ? "Published changes to the course "
						: "Published the course ") + course.getCode() + " " + course.getTitle(),
				courseChanges);
	}

	private void publishSyllabuses(Course course, List<Syllabus> versions, UnpublishedChanges changes) {
		Map<Long, SyllabusForm> forms = new LinkedHashMap<>();
		for (Syllabus syllabus : versions) {
			Long revision = changes.syllabusRevisions().get(syllabus.getId());
			if (revision != null) {
				forms.put(syllabus.getId(),
						this.revisions.take(SYLLABUS, syllabus.getId(), revision, SyllabusForm.class).orElseThrow());
			}
			else if (!syllabus.isPublished()) {
				forms.put(syllabus.getId(), SyllabusForm.of(syllabus));
			}
		}
		for (Syllabus syllabus : versions) {
			SyllabusForm form = forms.get(syllabus.getId());
			if (form == null) {
				continue;
			}
			Set<Term> otherTerms = new HashSet<>();
			for (Syllabus other : versions) {
				if (other != syllabus) {
					SyllabusForm otherForm = forms.get(other.getId());
					Term term = (otherForm != null) ? otherForm.validFromTerm() : null;
					otherTerms.add((term != null) ? term : other.getValidFrom());
				}
			}
			Errors errors = new BeanPropertyBindingResult(form, "form");
			SyllabusContent content = form.toContent(errors, course.getCredits(), otherTerms);
			if (content == null) {
				throw new PartRefusedException(SYLLABUS, syllabus.getId(), errors);
			}
			SyllabusForm before = SyllabusForm.of(syllabus);
			boolean wasPublished = syllabus.isPublished();
			if (changes.syllabusRevisions().containsKey(syllabus.getId())) {
				content.applyFields(syllabus);
				syllabus.clearModules();
				syllabus.clearPrerequisites();
				// Module codes and positions are unique per version: remove the old rows
				// before the new ones go in.
				this.entityManager.flush();
				content.addRows(syllabus);
			}
			syllabus.publish();
			this.auditLog.record(AuditAction.PUBLISH, SYLLABUS, syllabus.getId(),
					(wasPublished ? "Published changes to the syllabus of " : "Published the syllabus of ")
							+ course.getCode() + " valid from " + syllabus.getValidFrom().season().name() + " "
							+ syllabus.getValidFrom().year(),
					wasPublished ? FieldChange.between(before.describe(), form.describe())
							: FieldChange.between(new SyllabusForm().describe(), form.describe()));
		}
	}

	private void publishOfferings(Course course, List<CourseOffering> all, UnpublishedChanges changes) {
		Map<Long, OfferingForm> forms = new LinkedHashMap<>();
		for (CourseOffering offering : all) {
			Long revision = changes.offeringRevisions().get(offering.getId());
			if (revision != null) {
				forms.put(offering.getId(),
						this.revisions.take(OFFERING, offering.getId(), revision, OfferingForm.class).orElseThrow());
			}
			else if (!offering.isPublished()) {
				forms.put(offering.getId(), OfferingForm.of(offering));
			}
		}
		for (CourseOffering offering : all) {
			OfferingForm form = forms.get(offering.getId());
			if (form == null) {
				continue;
			}
			Set<String> otherCodes = new HashSet<>();
			for (CourseOffering other : all) {
				if (other != offering) {
					OfferingForm otherForm = forms.get(other.getId());
					if (otherForm != null && otherForm.termValue() != null
							&& !FieldChecks.blank(otherForm.getApplicationCode())) {
						otherCodes
							.add(OfferingForm.applicationKey(otherForm.termValue(), otherForm.getApplicationCode()));
					}
					else {
						otherCodes.add(OfferingForm.applicationKey(other.getTerm(), other.getApplicationCode()));
					}
				}
			}
			Errors errors = new BeanPropertyBindingResult(form, "form");
			OfferingContent content = form.toContent(errors, otherCodes);
			if (content == null) {
				throw new PartRefusedException(OFFERING, offering.getId(), errors);
			}
			OfferingForm before = OfferingForm.of(offering);
			boolean wasPublished = offering.isPublished();
			if (changes.offeringRevisions().containsKey(offering.getId())) {
				content.applyFields(offering);
				offering.clearPeriods();
				this.entityManager.flush();
				content.addPeriods(offering);
			}
			offering.publish();
			this.auditLog.record(AuditAction.PUBLISH, OFFERING, offering.getId(),
					(wasPublished ? "Published changes to the " : "Published the ") + course.getCode()
							+ " offering with application code " + offering.getApplicationCode(),
					wasPublished ? FieldChange.between(before.describe(), form.describe())
							: FieldChange.between(new OfferingForm().describe(), form.describe()));
		}
	}

	/**
	 * Throws away every pending edit of the course and its parts, as the preview showed
	 * them. Versions and offerings never published stay, as they were created.
	 * @throws StaleRevisionException when the pending edits are not the ones the editor
	 * saw
	 */
	@Transactional
	public void discard(long id, Set<String> seen) {
		Course course = this.editable.get(id);
		List<Syllabus> versions = this.syllabuses.findAllVersionsWithModules(course);
		List<CourseOffering> all = this.offerings.findAllWithPeriods(course);
		UnpublishedChanges changes = changesOf(course, versions, all);
		if (!changes.tokens().equals(seen)) {
			throw new StaleRevisionException(COURSE, id);
		}
		this.schedules.cancel(COURSE, id, course.getInstitution().getZone(), what(course),
				"its changes were discarded");
		this.revisions.take(COURSE, id, changes.courseRevision(), CourseForm.class)
			.ifPresent((form) -> this.auditLog.record(AuditAction.DISCARD, COURSE, id,
					"Discarded unpublished changes to the course " + course.getCode() + " " + course.getTitle(),
					FieldChange.between(form.describe(), CourseForm.of(course).describe())));
		for (Syllabus syllabus : versions) {
			Long revision = changes.syllabusRevisions().get(syllabus.getId());
			if (revision != null) {
				SyllabusForm form = this.revisions.take(SYLLABUS, syllabus.getId(), revision, SyllabusForm.class)
					.orElseThrow();
				this.auditLog.record(AuditAction.DISCARD, SYLLABUS, syllabus.getId(),
						"Discarded unpublished changes to the syllabus of " + course.getCode(),
						FieldChange.between(form.describe(), SyllabusForm.of(syllabus).describe()));
			}
		}
		for (CourseOffering offering : all) {
			Long revision = changes.offeringRevisions().get(offering.getId());
			if (revision != null) {
				OfferingForm form = this.revisions.take(OFFERING, offering.getId(), revision, OfferingForm.class)
					.orElseThrow();
				this.auditLog.record(AuditAction.DISCARD, OFFERING, offering.getId(),
						"Discarded unpublished changes to the " + course.getCode() + " offering with application code "
								+ offering.getApplicationCode(),
						FieldChange.between(form.describe(), OfferingForm.of(offering).describe()));
			}
		}
	}

	/**
	 * Retires the course: its page stays, saying it is no longer given.
	 * @throws ObjectOptimisticLockingFailureException when the course changed since
	 * {@code expectedVersion}
	 */
	@Transactional
	public void retire(long id, long expectedVersion) {
		Course course = this.editable.get(id);
		if (course.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Course.class, id);
		}
		PublicationState before = course.getState();
		if (before == PublicationState.RETIRED) {
			return;
		}
		course.retire();
		this.auditLog.record(AuditAction.RETIRE, COURSE, id,
				"Retired the course " + course.getCode() + " " + course.getTitle(),
				new FieldChange.Diff().field("programme.state", before, PublicationState.RETIRED).changes());
	}

	/**
	 * Everything unpublished in a course.
	 *
	 * @param courseRevision the version of the course's pending revision, or {@code null}
	 * @param syllabusRevisions the versions of the pending revisions of its syllabus
	 * versions, by id
	 * @param newSyllabuses syllabus versions not yet published
	 * @param offeringRevisions the versions of the pending revisions of its offerings, by
	 * id
	 * @param newOfferings offerings not yet published
	 */
	public record UnpublishedChanges(@Nullable Long courseRevision, Map<Long, Long> syllabusRevisions,
			Set<Long> newSyllabuses, Map<Long, Long> offeringRevisions, Set<Long> newOfferings) {

		public boolean isEmpty() {
			return tokens().isEmpty();
		}

		public boolean hasPendingRevisions() {
			return this.courseRevision != null || !this.syllabusRevisions.isEmpty()
					|| !this.offeringRevisions.isEmpty();
		}

		/**
		 * Each change as a short token the preview carries in hidden fields, so that
		 * publishing can refuse when anything changed since.
		 */
		public Set<String> tokens() {
			Set<String> tokens = new LinkedHashSet<>();
			if (this.courseRevision != null) {
				tokens.add(COURSE + ":" + this.courseRevision);
			}
			this.syllabusRevisions.forEach((id, revision) -> tokens.add(SYLLABUS + ":" + id + ":" + revision));
			this.newSyllabuses.forEach((id) -> tokens.add("new-" + SYLLABUS + ":" + id));
			this.offeringRevisions.forEach((id, revision) -> tokens.add(OFFERING + ":" + id + ":" + revision));
			this.newOfferings.forEach((id) -> tokens.add("new-" + OFFERING + ":" + id));
			return tokens;
		}

	}

	/**
	 * A course's staff page.
	 *
	 * @param course the course with its institution
	 * @param versions its syllabus versions, oldest first
	 * @param offerings its offerings, earliest first
	 * @param changes what is unpublished
	 */
	public record StaffView(Course course, List<Syllabus> versions, List<CourseOffering> offerings,
			UnpublishedChanges changes) {

	}

	/**
	 * The staff preview of a course.
	 *
	 * @param page the public page with everything unpublished laid over
	 * @param changes what is unpublished
	 */
	public record Preview(CoursePage page, UnpublishedChanges changes) {

	}

	/**
	 * An unpublished change that no longer passes its checks; nothing was published.
	 */
	public static class PartRefusedException extends InvalidRevisionException {

		private final String entityType;

		private final long entityId;

		PartRefusedException(String entityType, long entityId, Errors errors) {
			super(errors);
			this.entityType = entityType;
			this.entityId = entityId;
		}

		public String entityType() {
			return this.entityType;
		}

		public long entityId() {
			return this.entityId;
		}

	}

}

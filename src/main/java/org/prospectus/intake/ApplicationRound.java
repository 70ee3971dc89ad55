package org.prospectus.intake;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.prospectus.institution.Institution;
import org.prospectus.programme.Programme;
import org.prospectus.support.BaseEntity;
import org.prospectus.web.Translated;

import org.springframework.modulith.NamedInterface;

/**
 * An intake, such as Autumn 2020: the programmes it admits to and its milestones. Every
 * milestone is an instant; it is entered and shown in the institution's time zone.
 */
@Entity
@NamedInterface("api")
public class ApplicationRound extends BaseEntity implements Translated {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "institution_id")
	private Institution institution;

	private String slug;

	private String name;

	/** Its name in other languages: language, then field (ADR 0036). */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private Map<String, Map<String, String>> translations = new LinkedHashMap<>();

	private Instant opensAt;

	private Instant deadlineAt;

	private Instant documentsDeadlineAt;

	private Instant feeDeadlineAt;

	private Instant notificationAt;

	private Instant studiesStartAt;

	private boolean studiesStartMonthOnly;

	private @Nullable Instant replyByAt;

	private int choiceLimit = 4;

	/** How many references an application to it needs: none, one or two (issue 30). */
	private int referencesRequired;

	/**
	 * Programmes that need their own number of references, by id; every other programme
	 * needs {@link #referencesRequired}.
	 */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private Map<Long, Integer> programmeReferences = new LinkedHashMap<>();

	/** Whether referees are asked as soon as they are named, before submission. */
	private boolean referencesAtOnce;

	/**
	 * Whether the round has been published: one made on the new-round page is not until
	 * its first publication, so its values are nobody's published values yet.
	 */
	private boolean everPublished = true;

	/** The round this one was rolled over from, if it was. */
	private @Nullable Long rolledFromId;

	@ManyToMany
	@JoinTable(name = "round_programme", joinColumns = @JoinColumn(name = "round_id"),
			inverseJoinColumns = @JoinColumn(name = "programme_id"))
	private Set<Programme> programmes = new LinkedHashSet<>();

	protected ApplicationRound() {
	}

	public ApplicationRound(Institution institution, String slug, String name, RoundSchedule schedule) {
		this.institution = institution;
		this.slug = slug;
		this.name = name;
		reschedule(schedule);
	}

	/** A round that waits for its first publication; see {@link #isEverPublished()}. */
	static ApplicationRound unpublished(Institution institution, String slug, String name, RoundSchedule schedule) {
		ApplicationRound round = new ApplicationRound(institution, slug, name, schedule);
		round.everPublished = false;
		return round;
	}

	/**
	 * A draft copy of a round for the next cycle, rolled over from it; see
	 * {@link RoundRollover}.
	 */
	static ApplicationRound rolledOver(ApplicationRound from, String slug, String name, RoundSchedule schedule) {
		ApplicationRound round = unpublished(from.institution, slug, name, schedule);
		round.rolledFromId = from.getId();
		round.choiceLimit = from.choiceLimit;
		round.referencesRequired = from.referencesRequired;
		round.referencesAtOnce = from.referencesAtOnce;
		round.programmeReferences = new LinkedHashMap<>(from.programmeReferences);
		// Translated names are copied as they are; the preview shows them to correct.
		round.translations = new LinkedHashMap<>(from.translations);
		return round;
	}

	public @Nullable Long getRolledFromId() {
		return this.rolledFromId;
	}

	public boolean isEverPublished() {
		return this.everPublished;
	}

	void markPublished() {
		this.everPublished = true;
	}

	public Institution getInstitution() {
		return this.institution;
	}

	public ZoneId getZone() {
		return this.institution.getZone();
	}

	public String getSlug() {
		return this.slug;
	}

	public String getName() {
		return this.name;
	}

	public void rename(String name) {
		this.name = name;
	}

	@Override
	public String mainLanguage() {
		return this.institution.getMainLanguage();
	}

	@Override
	public @Nullable String mainText(String field) {
		if (!"name".equals(field)) {
			throw new IllegalArgumentException("Not a translated text of a round: " + field);
		}
		return this.name;
	}

	@Override
	public Map<String, Map<String, String>> translations() {
		return Collections.unmodifiableMap(this.translations);
	}

	public void setTranslations(Map<String, Map<String, String>> translations) {
		this.translations = new LinkedHashMap<>(translations);
	}

	public Instant getOpensAt() {
		return this.opensAt;
	}

	public Instant getDeadlineAt() {
		return this.deadlineAt;
	}

	public Instant getDocumentsDeadlineAt() {
		return this.documentsDeadlineAt;
	}

	public Instant getFeeDeadlineAt() {
		return this.feeDeadlineAt;
	}

	public Instant getNotificationAt() {
		return this.notificationAt;
	}

	public Instant getStudiesStartAt() {
		return this.studiesStartAt;
	}

	/** Whether only the month of the start of studies is announced, not the day. */
	public boolean isStudiesStartMonthOnly() {
		return this.studiesStartMonthOnly;
	}

	public int getChoiceLimit() {
		return this.choiceLimit;
	}

	public void setChoiceLimit(int choiceLimit) {
		this.choiceLimit = choiceLimit;
	}

	public int getReferencesRequired() {
		return this.referencesRequired;
	}

	public void setReferencesRequired(int referencesRequired) {
		this.referencesRequired = referencesRequired;
	}

	/** Programmes that need their own number of references, by id. */
	public Map<Long, Integer> getProgrammeReferences() {
		return Collections.unmodifiableMap(this.programmeReferences);
	}

	public void setProgrammeReferences(Map<Long, Integer> programmeReferences) {
		this.programmeReferences = new LinkedHashMap<>(programmeReferences);
	}

	/**
	 * How many references an application ranking these programmes needs: the most that
	 * any of them needs, or the round's number before any is ranked.
	 */
	public int referencesFor(Collection<Long> rankedProgrammeIds) {
		return rankedProgrammeIds.stream().mapToInt(this::referencesForProgramme).max().orElse(this.referencesRequired);
	}

	/** How many references an application ranking this programme needs, at least. */
	public int referencesForProgramme(long programmeId) {
		return this.programmeReferences.getOrDefault(programmeId, this.referencesRequired);
	}

	/** Whether an application to it may need references, whatever it ranks. */
	public boolean asksForReferences() {
		return this.referencesRequired > 0 || this.programmeReferences.values().stream().anyMatch((n) -> n > 0);
	}

	/** Whether every programme needs the round's number of references. */
	public boolean sameReferencesForAll() {
		return this.programmeReferences.values().stream().allMatch((n) -> n == this.referencesRequired);
	}

	public boolean isReferencesAtOnce() {
		return this.referencesAtOnce;
	}

	public void setReferencesAtOnce(boolean referencesAtOnce) {
		this.referencesAtOnce = referencesAtOnce;
	}

	public RoundSchedule getSchedule() {
		return new RoundSchedule(this.opensAt, this.deadlineAt, this.documentsDeadlineAt, this.feeDeadlineAt,
				this.notificationAt, this.studiesStartAt, this.studiesStartMonthOnly, this.replyByAt);
	}

	/** Moves every milestone at once, so that they are never out of order. */
	public void reschedule(RoundSchedule schedule) {
		this.opensAt = schedule.opensAt();
		this.deadlineAt = schedule.deadlineAt();
		this.documentsDeadlineAt = schedule.documentsDeadlineAt();
		this.feeDeadlineAt = schedule.feeDeadlineAt();
		this.notificationAt = schedule.notificationAt();
		this.studiesStartAt = schedule.studiesStartAt();
		this.studiesStartMonthOnly = schedule.studiesStartMonthOnly();
		this.replyByAt = schedule.replyByAt();
	}

	/** The last instant to accept or decline an offer, if the round asks for replies. */
	public @Nullable Instant getReplyByAt() {
		return this.replyByAt;
	}

	public Set<Programme> getProgrammes() {
		return this.programmes;
	}

	public void admitTo(Programme programme) {
		this.programmes.add(programme);
	}

	public RoundState stateAt(Instant now) {
		return getSchedule().stateAt(now);
	}

	/**
	 * The milestones in date order; the fee deadline and the reply-by only where the
	 * round has them.
	 */
	public List<Milestone> getMilestones() {
		List<Milestone> milestones = new ArrayList<>();
		milestones.add(new Milestone(MilestoneKind.OPENS, this.opensAt, false));
		milestones.add(new Milestone(MilestoneKind.DEADLINE, this.deadlineAt, false));
		milestones.add(new Milestone(MilestoneKind.DOCUMENTS_DEADLINE, this.documentsDeadlineAt, false));
		if (this.feeDeadlineAt != null) {
			milestones.add(new Milestone(MilestoneKind.FEE_DEADLINE, this.feeDeadlineAt, false));
		}
		milestones.add(new Milestone(MilestoneKind.NOTIFICATION, this.notificationAt, false));
		if (this.replyByAt != null) {
			milestones.add(new Milestone(MilestoneKind.REPLY_BY, this.replyByAt, false));
		}
		milestones.add(new Milestone(MilestoneKind.STUDIES_START, this.studiesStartAt, this.studiesStartMonthOnly));
		milestones.sort((a, b) -> a.at().compareTo(b.at()));
		return milestones;
	}

}

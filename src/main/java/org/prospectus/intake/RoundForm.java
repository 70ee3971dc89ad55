package org.prospectus.intake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.prospectus.support.FieldChecks;
import org.prospectus.web.Translated;
import org.prospectus.web.TranslatedFields;

import org.springframework.validation.Errors;

/**
 * The form for a round's name and milestones. Times are typed as local date and time in
 * the institution's zone, kept as text so that whatever was typed comes back on an error.
 */
public class RoundForm {

	/**
	 * How a time is put back into a datetime-local field; what the field sends is read by
	 * {@link FieldChecks#dateTime}.
	 */
	static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private long version;

	private String name;

	/** A round's name may be translated, as long as the name may be. */
	static final TranslatedFields TRANSLATED = new TranslatedFields(Map.of("name", 120),
			Map.of("name", "round.form.name"));

	/** The name in other languages, {@code sv:name}, as typed (ADR 0036). */
	private Map<String, String> translations = new LinkedHashMap<>();

	private String opens;

	private String deadline;

	private String documentsDeadline;

	private String feeDeadline;

	private String replyBy;

	private String notification;

	private String studiesStart;

	private boolean studiesStartMonthOnly;

	private String choiceLimit;

	private String referencesRequired = "0";

	private boolean referencesAtOnce;

	/**
	 * The references a programme needs where it differs from the round, by programme id:
	 * 0, 1 or 2, or blank for the round's number.
	 */
	private Map<String, String> programmeReferences = new LinkedHashMap<>();

	private Long revision;

	/** The ids of the programmes the round admits to. */
	private List<String> programmes = new ArrayList<>();

	public static RoundForm of(ApplicationRound round) {
		ZoneId zone = round.getZone();
		RoundForm form = new RoundForm();
		form.version = round.getVersion();
		form.name = round.getName();
		form.translations = Translated.flat(round.translations());
		form.opens = local(round.getOpensAt(), zone);
		form.deadline = local(round.getDeadlineAt(), zone);
		form.documentsDeadline = local(round.getDocumentsDeadlineAt(), zone);
		form.feeDeadline = local(round.getFeeDeadlineAt(), zone);
		form.replyBy = local(round.getReplyByAt(), zone);
		form.notification = local(round.getNotificationAt(), zone);
		form.studiesStart = local(round.getStudiesStartAt(), zone);
		form.studiesStartMonthOnly = round.getSchedule().studiesStartMonthOnly();
		form.choiceLimit = Integer.toString(round.getChoiceLimit());
		form.referencesRequired = Integer.toString(round.getReferencesRequired());
		form.referencesAtOnce = round.isReferencesAtOnce();
		round.getProgrammeReferences()
			.forEach((programme, references) -> form.programmeReferences.put(Long.toString(programme),
					Integer.toString(references)));
		form.programmes = round.getProgrammes()
			.stream()
			.map((programme) -> Long.toString(programme.getId()))
			.sorted()
			.collect(Collectors.toCollection(ArrayList::new));
		return form;
	}

	/**
	 * The ids of the programmes chosen, if each is one of the allowed ones; otherwise
	 * {@code null}, with the reason beside the field.
	 */
	@Nullable Set<Long> programmeIds(Set<Long> allowed, Errors errors) {
		Set<Long> ids = new LinkedHashSet<>();
		for (String value : (this.programmes != null) ? this.programmes : List.<String>of()) {
			try {
				long id = Long.parseLong(value.strip());
				if (!allowed.contains(id)) {
					errors.rejectValue("programmes", "round.form.programmes.invalid");
					return null;
				}
				ids.add(id);
			}
			catch (NumberFormatException | NullPointerException ex) {
				errors.rejectValue("programmes", "round.form.programmes.invalid");
				return null;
			}
		}
		// Each chosen programme's own number of references, beside its field; what is
		// typed for a programme not chosen is not kept.
		FieldChecks check = new FieldChecks(errors);
		for (long id : ids) {
			check.whole("programmeReferences[" + id + "]", ownReferences(id), 0, 2, false);
		}
		return ids;
	}

	/**
	 * The programmes among those chosen that need their own number of references, once
	 * checked.
	 */
	Map<Long, Integer> programmeReferences(Set<Long> chosen) {
		Map<Long, Integer> references = new LinkedHashMap<>();
		for (long id : chosen) {
			String typed = ownReferences(id);
			if (!FieldChecks.blank(typed)) {
				references.put(id, Integer.valueOf(typed.strip()));
			}
		}
		return references;
	}

	private @Nullable String ownReferences(long programmeId) {
		return ownReferences(Long.toString(programmeId));
	}

	private @Nullable String ownReferences(String programmeId) {
		return (this.programmeReferences != null) ? this.programmeReferences.get(programmeId.strip()) : null;
	}

	/**
	 * Each field as people read it, keyed by its label's message key, in form order: for
	 * the audit log, the review page and the conflict page.
	 * @param zone the institution's zone, named after each time
	 * @param programmeNames the names of programmes by id
	 */
	Map<String, String> describe(ZoneId zone, Map<Long, String> programmeNames) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("round.form.name", this.name);
		TRANSLATED.describe(this.translations, fields);
		fields.put("round.milestone.OPENS", time(this.opens, zone));
		fields.put("round.milestone.DEADLINE", time(this.deadline, zone));
		fields.put("round.milestone.DOCUMENTS_DEADLINE", time(this.documentsDeadline, zone));
		fields.put("round.milestone.FEE_DEADLINE", time(this.feeDeadline, zone));
		fields.put("round.milestone.NOTIFICATION", time(this.notification, zone));
		fields.put("round.milestone.REPLY_BY", time(this.replyBy, zone));
		fields.put("round.milestone.STUDIES_START", time(this.studiesStart, zone));
		fields.put("round.form.month-only", this.studiesStartMonthOnly ? "yes" : "no");
		fields.put("round.form.choice-limit.label", this.choiceLimit);
		fields.put("round.form.references.label", this.referencesRequired);
		fields.put("round.form.references.at-once", this.referencesAtOnce ? "yes" : "no");
		List<String> chosen = (this.programmes != null) ? this.programmes : List.of();
		List<String> names = chosen.stream().map((id) -> title(programmeNames, id)).sorted().toList();
		fields.put("round.form.programmes", names.isEmpty() ? null : String.join("\n", names));
		List<String> own = chosen.stream()
			.filter((id) -> id != null && !FieldChecks.blank(ownReferences(id)))
			.map((id) -> title(programmeNames, id) + ": " + ownReferences(id).strip())
			.sorted()
			.toList();
		fields.put("round.form.references.programmes", own.isEmpty() ? null : String.join("\n", own));
		fields.replaceAll((key, value) -> (value == null || value.isBlank()) ? null : value.strip());
		return fields;
	}

	/** A chosen programme's title, or what was typed for one that is not known. */
	private static String title(Map<Long, String> programmeNames, String id) {
		try {
			return programmeNames.getOrDefault(Long.valueOf(id.strip()), id);
		}
		catch (NumberFormatException ex) {
			return id;
		}
	}

	/** A typed date and time as people write it, with a space rather than a T. */
	private static @Nullable String time(@Nullable String value, ZoneId zone) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String typed = value.strip().replace(' ', 'T');
		try {
			// A browser sends 12:00 for a field that held 12:00:00: the same time, so
			// the same text, or an untouched milestone would read as changed.
			typed = OUTPUT.format(LocalDateTime.parse(typed, FieldChecks.DATE_TIME));
		}
		catch (DateTimeParseException ex) {
			// Shown as typed.
		}
		return typed.replaceFirst("^(\\d{4}-\\d{2}-\\d{2})T", "$1 ") + " " + zone.getId();
	}

	static @Nullable String local(Instant instant, ZoneId zone) {
		return (instant != null) ? OUTPUT.format(LocalDateTime.ofInstant(instant, zone)) : null;
	}

	/**
	 * The schedule the form describes, or {@code null} with the reasons in
	 * {@code errors}, each beside its field.
	 */
	@Nullable RoundSchedule toSchedule(ZoneId zone, Errors errors) {
		if (this.name == null || this.name.isBlank()) {
			errors.rejectValue("name", "round.form.name.required");
		}
		else if (this.name.strip().length() > 120) {
			errors.rejectValue("name", "round.form.name.too-long");
		}
		FieldChecks check = new FieldChecks(errors);
		TRANSLATED.check(this.translations, errors, "round.form.translation.unknown");
		Integer limit = check.whole("choiceLimit", this.choiceLimit, 1, 20, true);
		Integer references = check.whole("referencesRequired", this.referencesRequired, 0, 2, true);
		Instant opensAt = check.dateTime("opens", this.opens, true, zone);
		Instant deadlineAt = check.dateTime("deadline", this.deadline, true, zone);
		Instant documentsAt = check.dateTime("documentsDeadline", this.documentsDeadline, true, zone);
		Instant feeAt = check.dateTime("feeDeadline", this.feeDeadline, false, zone);
		Instant notificationAt = check.dateTime("notification", this.notification, true, zone);
		Instant replyByAt = check.dateTime("replyBy", this.replyBy, false, zone);
		Instant startAt = check.dateTime("studiesStart", this.studiesStart, true, zone);
		if (errors.hasErrors() || limit == null || references == null) {
			return null;
		}
		if (!opensAt.isBefore(deadlineAt)) {
			errors.rejectValue("deadline", "round.form.order.deadline");
		}
		if (documentsAt.isBefore(deadlineAt)) {
			errors.rejectValue("documentsDeadline", "round.form.order.documents");
		}
		if (!documentsAt.isBefore(notificationAt)) {
			errors.rejectValue("notification", "round.form.order.notification");
		}
		if (!notificationAt.isBefore(startAt)) {
			errors.rejectValue("studiesStart", "round.form.order.start");
		}
		if (feeAt != null && feeAt.isBefore(opensAt)) {
			errors.rejectValue("feeDeadline", "round.form.order.fee");
		}
		if (replyByAt != null && (!replyByAt.isAfter(notificationAt) || !replyByAt.isBefore(startAt))) {
			errors.rejectValue("replyBy", "round.form.order.reply-by");
		}
		if (errors.hasErrors()) {
			return null;
		}
		return new RoundSchedule(opensAt, deadlineAt, documentsAt, feeAt, notificationAt, startAt,
				this.studiesStartMonthOnly, replyByAt);
	}

	int limit() {
		return Integer.parseInt(this.choiceLimit.strip());
	}

	/** How many references an application needs, once checked. */
	int references() {
		return Integer.parseInt(this.referencesRequired.strip());
	}

	public String getReferencesRequired() {
		return this.referencesRequired;
	}

	public void setReferencesRequired(String referencesRequired) {
		this.referencesRequired = referencesRequired;
	}

	public Map<String, String> getProgrammeReferences() {
		return this.programmeReferences;
	}

	public void setProgrammeReferences(Map<String, String> programmeReferences) {
		this.programmeReferences = programmeReferences;
	}

	public boolean isReferencesAtOnce() {
		return this.referencesAtOnce;
	}

	public void setReferencesAtOnce(boolean referencesAtOnce) {
		this.referencesAtOnce = referencesAtOnce;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Map<String, String> getTranslations() {
		return this.translations;
	}

	public void setTranslations(Map<String, String> translations) {
		this.translations = translations;
	}

	public String getOpens() {
		return this.opens;
	}

	public void setOpens(String opens) {
		this.opens = opens;
	}

	public String getDeadline() {
		return this.deadline;
	}

	public void setDeadline(String deadline) {
		this.deadline = deadline;
	}

	public String getDocumentsDeadline() {
		return this.documentsDeadline;
	}

	public void setDocumentsDeadline(String documentsDeadline) {
		this.documentsDeadline = documentsDeadline;
	}

	public String getReplyBy() {
		return this.replyBy;
	}

	public void setReplyBy(String replyBy) {
		this.replyBy = replyBy;
	}

	public String getFeeDeadline() {
		return this.feeDeadline;
	}

	public void setFeeDeadline(String feeDeadline) {
		this.feeDeadline = feeDeadline;
	}

	public String getNotification() {
		return this.notification;
	}

	public void setNotification(String notification) {
		this.notification = notification;
	}

	public String getStudiesStart() {
		return this.studiesStart;
	}

	public void setStudiesStart(String studiesStart) {
		this.studiesStart = studiesStart;
	}

	public boolean isStudiesStartMonthOnly() {
		return this.studiesStartMonthOnly;
	}

	public void setStudiesStartMonthOnly(boolean studiesStartMonthOnly) {
		this.studiesStartMonthOnly = studiesStartMonthOnly;
	}

	public Long getRevision() {
		return this.revision;
	}

	public void setRevision(Long revision) {
		this.revision = revision;
	}

	public List<String> getProgrammes() {
		return this.programmes;
	}

	public void setProgrammes(List<String> programmes) {
		this.programmes = programmes;
	}

	public String getChoiceLimit() {
		return this.choiceLimit;
	}

	public void setChoiceLimit(String choiceLimit) {
		this.choiceLimit = choiceLimit;
	}

}

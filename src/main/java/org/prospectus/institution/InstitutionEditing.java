package org.prospectus.institution;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffScope;
import org.prospectus.audit.AuditAction;
import org.prospectus.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.prospectus.audit.FieldChange;
import org.prospectus.web.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and editing institutions. Slugs are unique; a save on a stale version is
 * refused; every change lands in the audit log with each field before and after, a
 * translation under its field and language.
 */
@Service
@PreAuthorize("hasAnyRole('EDITOR', 'ADMIN')")
public class InstitutionEditing {

	static final String ENTITY_TYPE = "institution";

	private final InstitutionRepository institutions;

	private final AuditLog auditLog;

	InstitutionEditing(InstitutionRepository institutions, AuditLog auditLog) {
		this.institutions = institutions;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	public Page<Institution> search(@Nullable String text, Pageable pageable) {
		return this.institutions.searchForStaff(StaffScope.current().isEverywhere(StaffRole.EDITOR),
				StaffScope.current().institutionsForQuery(StaffRole.EDITOR), (text != null) ? text.strip() : "",
				pageable);
	}

	@Transactional(readOnly = true)
	public Optional<Institution> find(long id) {
		return this.institutions.findById(id).filter((institution) -> Institutions.editable(institution.getId()));
	}

	/**
	 * @return the new institution's id
	 * @throws SlugTakenException when another institution has the slug
	 */
	@Transactional
	public long create(InstitutionForm form) {
		// Only an editor of every institution adds one (ADR 0018).
		if (!StaffScope.current().isEverywhere(StaffRole.EDITOR)) {
			throw NotFoundException.forMissing("page");
		}
		ensureSlugFree(form.getSlug().strip(), null);
		Institution institution = new Institution(form.getSlug().strip(), form.getName().strip(),
				form.getCountryCode().strip().toUpperCase(Locale.ROOT), form.zone(), form.currencyOrNull());
		form.applyTo(institution);
		this.institutions.save(institution);
		this.auditLog.record(AuditAction.CREATE, ENTITY_TYPE, institution.getId(),
				"Created the institution " + institution.getName(), diff(null, InstitutionForm.of(institution)));
		return institution.getId();
	}

	/**
	 * @throws StaleInstitutionException when someone saved since
	 * {@code form.getVersion()}
	 * @throws SlugTakenException when another institution has the slug
	 */
	@Transactional
	public void update(long id, InstitutionForm form) {
		Institution institution = find(id).orElseThrow(() -> NotFoundException.forRecord("institution", id));
		if (institution.getVersion() != form.getVersion()) {
			throw new StaleInstitutionException(InstitutionForm.of(institution));
		}
		ensureSlugFree(form.getSlug().strip(), id);
		InstitutionForm before = InstitutionForm.of(institution);
		form.applyTo(institution);
		List<FieldChange> changes = diff(before, InstitutionForm.of(institution));
		if (!changes.isEmpty()) {
			this.auditLog.record(AuditAction.UPDATE, ENTITY_TYPE, id,
					"Changed the institution " + institution.getName(), changes);
		}
	}

	private void ensureSlugFree(String slug, Long exceptId) {
		this.institutions.findBySlug(slug).filter((other) -> !other.getId().equals(exceptId)).ifPresent((other) -> {
			throw new SlugTakenException();
		});
	}

	private static List<FieldChange> diff(InstitutionForm before, InstitutionForm after) {
		InstitutionForm was = (before != null) ? before : new InstitutionForm();
		FieldChange.Diff diff = new FieldChange.Diff().field("institution.form.slug", was.getSlug(), after.getSlug())
			.field("institution.form.name", was.getName(), after.getName())
			.field("institution.form.short-name", was.getShortName(), after.getShortName())
			.field("institution.form.country", was.getCountryCode(), after.getCountryCode())
			.field("institution.form.city", was.getCity(), after.getCity())
			.field("institution.form.campuses", was.getCampuses(), after.getCampuses())
			.field("institution.form.awarding-body", was.getAwardingBody(), after.getAwardingBody())
			.field("institution.form.regulator-note", was.getRegulatorNote(), after.getRegulatorNote())
			.field("institution.form.website", was.getWebsite(), after.getWebsite())
			.field("institution.form.zone", was.getTimeZone(), after.getTimeZone())
			.field("institution.form.currency", was.getCurrency(), after.getCurrency())
			.field("institution.form.main-language", was.getMainLanguage(), after.getMainLanguage())
			.field("institution.form.fee-exempt", was.getFeeExemptCountries(), after.getFeeExemptCountries())
			.field("institution.form.application-fee", was.getApplicationFeeAmount(), after.getApplicationFeeAmount())
			.field("institution.form.payment-instructions", was.getPaymentInstructions(),
					after.getPaymentInstructions())
			.field("institution.form.fee-receipt-check", String.valueOf(was.isFeeReceiptCheckBeforeSubmit()),
					String.valueOf(after.isFeeReceiptCheckBeforeSubmit()))
			.field("institution.form.offer-conditions", was.getOfferConditions(), after.getOfferConditions())
			.field("institution.form.refusal-reasons", was.getRefusalReasons(), after.getRefusalReasons())
			.field("institution.form.letter-signatory", was.getLetterSignatory(), after.getLetterSignatory())
			.field("institution.form.letter-closing", was.getLetterClosing(), after.getLetterClosing())
			.field("institution.form.admissions-email", was.getAdmissionsEmail(), after.getAdmissionsEmail())
			.field("institution.form.admissions-phone", was.getAdmissionsPhone(), after.getAdmissionsPhone())
			.field("institution.form.postal-address", was.getPostalAddress(), after.getPostalAddress())
			.field("institution.form.privacy-contact", was.getPrivacyContact(), after.getPrivacyContact())
			.field("institution.form.retention-draft", was.getRetentionDraftMonths(), after.getRetentionDraftMonths())
			.field("institution.form.retention-unsuccessful", was.getRetentionUnsuccessfulMonths(),
					after.getRetentionUnsuccessfulMonths())
			.field("institution.form.retention-admitted", was.getRetentionAdmittedMonths(),
					after.getRetentionAdmittedMonths());
		// Each language's text under its own name, institution.form.name@sv, removed ones
		// too.
		Map<String, String> translatedBefore = was.describeTranslations();
		Map<String, String> translatedAfter = after.describeTranslations();
		Set<String> translated = new TreeSet<>(translatedBefore.keySet());
		translated.addAll(translatedAfter.keySet());
		translated.forEach((field) -> diff.field(field, translatedBefore.get(field), translatedAfter.get(field)));
		return diff.changes();
	}

	/** Another institution already uses the slug. */
	public static class SlugTakenException extends RuntimeException {

		SlugTakenException() {
			super("Slug taken", null, false, false);
		}

	}

	/** Someone saved the institution after this edit started; nothing was written. */
	public static class StaleInstitutionException extends RuntimeException {

		private final InstitutionForm saved;

		StaleInstitutionException(InstitutionForm saved) {
			super("Stale institution", null, false, false);
			this.saved = saved;
		}

		public InstitutionForm saved() {
			return this.saved;
		}

	}

}

package org.prospectus.site;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.prospectus.institution.Institution;
import org.prospectus.institution.Institutions;
import org.prospectus.privacy.RetentionJob;
import org.prospectus.web.NotFoundException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The statements every page links to (ADR 0019): the portal's privacy notice and each
 * institution's, the accessibility statement, and the contact page. The wording is in the
 * messages; every fact that differs between deployments or institutions (who the
 * controller is, whom to write to, how long data is kept) comes from settings and data,
 * so that it is stated once and the notice cannot drift from what the portal does.
 */
@Controller
class StatementsController {

	private final Institutions institutions;

	private final JdbcClient jdbc;

	private final String operatorName;

	private final String operatorEmail;

	private final LocalDate accessibilityReviewed;

	private final long mailDays;

	StatementsController(Institutions institutions, JdbcClient jdbc,
			@Value("${prospectus.operator.name}") String operatorName,
			@Value("${prospectus.operator.email:}") String operatorEmail,
			@Value("${prospectus.accessibility.reviewed}") LocalDate accessibilityReviewed,
			@Value("${prospectus.mail.retention:30d}") Duration mailRetention) {
		this.mailDays = mailRetention.toDays();
		this.institutions = institutions;
		this.jdbc = jdbc;
		this.operatorName = operatorName;
		this.operatorEmail = operatorEmail;
		this.accessibilityReviewed = accessibilityReviewed;
	}

	@GetMapping("/privacy")
	@Transactional(readOnly = true)
	String portalNotice(Model model) {
		model.addAttribute("operatorName", this.operatorName);
		model.addAttribute("operatorEmail", this.operatorEmail.isBlank() ? null : this.operatorEmail);
		model.addAttribute("signInDays", RetentionJob.RECORDS.toDays());
		model.addAttribute("mailDays", this.mailDays);
		model.addAttribute("institutions", this.institutions.listed());
		return "statements/privacy";
	}

	@GetMapping("/privacy/{slug}")
	@Transactional(readOnly = true)
	String institutionNotice(@PathVariable String slug, Model model) {
		model.addAttribute("institution", institution(slug));
		model.addAttribute("operatorName", this.operatorName);
		model.addAttribute("signInDays", RetentionJob.RECORDS.toDays());
		model.addAttribute("mailDays", this.mailDays);
		return "statements/privacy-institution";
	}

	@GetMapping("/accessibility")
	String accessibility(Model model) {
		model.addAttribute("reviewed", this.accessibilityReviewed);
		model.addAttribute("operatorEmail", this.operatorEmail.isBlank() ? null : this.operatorEmail);
		model.addAttribute("operatorName", this.operatorName);
		return "statements/accessibility";
	}

	@GetMapping("/contact")
	@Transactional(readOnly = true)
	String contact(Model model) {
		return contactPage(this.institutions.listed(), null, model);
	}

	/** One institution's admissions contacts, which its privacy notice links to. */
	@GetMapping("/contact/{slug}")
	@Transactional(readOnly = true)
	String institutionContact(@PathVariable String slug, Model model) {
		Institution institution = institution(slug);
		return contactPage(List.of(institution), institution, model);
	}

	private String contactPage(List<Institution> shown, @Nullable Institution only, Model model) {
		model.addAttribute("institutions", shown);
		model.addAttribute("only", only);
		model.addAttribute("programmes",
				this.jdbc.sql("""
						select p.institution_id, p.slug, p.title, p.lead_name, p.contact_email
						from programme_contacts_for_site p
						where cast(:only as bigint) is null or p.institution_id = :only order by p.title, p.id""")
					.param("only", (only != null) ? only.getId() : null)
					.query((rs, n) -> new ProgrammeContact(rs.getLong("institution_id"), rs.getString("slug"),
							rs.getString("title"), rs.getString("lead_name"), rs.getString("contact_email")))
					.list()
					.stream()
					.collect(Collectors.groupingBy(ProgrammeContact::institutionId)));
		return "statements/contact";
	}

	private Institution institution(String slug) {
		return this.institutions.findBySlug(slug).orElseThrow(() -> NotFoundException.forMissing("institution"));
	}

	/** A published programme's contact, under its institution on the contact page. */
	record ProgrammeContact(long institutionId, String slug, String title, @Nullable String lead, String email) {

	}

}

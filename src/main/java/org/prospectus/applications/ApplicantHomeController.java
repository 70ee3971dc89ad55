package org.prospectus.applications;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.prospectus.applicant.ApplicantAccounts;
import org.prospectus.applicant.ApplicantPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The applicant's own page: their account and their applications. */
@Controller
class ApplicantHomeController {

	private final ApplicantAccounts accounts;

	private final ApplicationService applications;

	private final Clock clock;

	ApplicantHomeController(ApplicantAccounts accounts, ApplicationService applications, Clock clock) {
		this.accounts = accounts;
		this.applications = applications;
		this.clock = clock;
	}

	@GetMapping("/account")
	String home(@AuthenticationPrincipal ApplicantPrincipal me, Model model) {
		model.addAttribute("applicant", this.accounts.findByEmail(me.getUsername()).orElseThrow());
		List<Application> applications = this.applications.ofApplicant(me.applicantId());
		model.addAttribute("applications", applications);
		// Times in the zone of the institution the newest application goes to, which is
		// the one whose dates the applicant reads; UTC, named, before there is one.
		model.addAttribute("zone", applications.isEmpty() ? ZoneOffset.UTC : applications.get(0).getRound().getZone());
		// Each status as the applicant may see it now: no decision before its date.
		model.addAttribute("now", this.clock.instant());
		return "applicant/home";
	}

}

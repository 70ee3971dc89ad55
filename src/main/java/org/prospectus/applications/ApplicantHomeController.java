package org.prospectus.applications;

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

	ApplicantHomeController(ApplicantAccounts accounts, ApplicationService applications) {
		this.accounts = accounts;
		this.applications = applications;
	}

	@GetMapping("/account")
	String home(@AuthenticationPrincipal ApplicantPrincipal me, Model model) {
		model.addAttribute("applicant", this.accounts.findByEmail(me.getUsername()).orElseThrow());
		model.addAttribute("applications", this.applications.ofApplicant(me.applicantId()));
		return "applicant/home";
	}

}

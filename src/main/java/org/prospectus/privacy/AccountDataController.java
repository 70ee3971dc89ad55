package org.prospectus.privacy;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.prospectus.account.SignInThrottle;
import org.prospectus.applicant.ApplicantAccounts;
import org.prospectus.applicant.ApplicantAuthentication;
import org.prospectus.applicant.ApplicantPrincipal;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The applicant's own data: the archive of everything held about them, and closing the
 * account, with a page that says exactly what closing keeps and what it deletes.
 */
@Controller
class AccountDataController {

	private final PersonalDataArchive archive;

	private final AccountClosing closing;

	private final ApplicantAccounts accounts;

	private final SignInThrottle throttle;

	AccountDataController(PersonalDataArchive archive, AccountClosing closing, ApplicantAccounts accounts,
			SignInThrottle throttle) {
		this.archive = archive;
		this.closing = closing;
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@GetMapping("/account/data")
	String data() {
		return "privacy/account-data";
	}

	@GetMapping("/account/data/archive")
	void download(@AuthenticationPrincipal ApplicantPrincipal me, HttpServletResponse response) throws IOException {
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(this.archive.fileName()).build().toString());
		this.archive.write(me.applicantId(), response.getOutputStream());
	}

	@GetMapping("/account/close")
	String confirm(@AuthenticationPrincipal ApplicantPrincipal me, Model model) {
		model.addAttribute("preview", this.closing.preview(me.applicantId()));
		return "privacy/close";
	}

	@PostMapping("/account/close")
	String close(@AuthenticationPrincipal ApplicantPrincipal me,
			@RequestParam(required = false) @Nullable String password, HttpServletRequest request, Model model) {
		// Counted as sign-in failures of the account, so that this form guesses no faster
		// than the sign-in form, and neither resets the other's count.
		String account = SignInThrottle.accountKey(me.getUsername());
		String address = SignInThrottle.addressKey(request.getRemoteAddr());
		if (this.throttle.isBlocked(SignInThrottle.Audience.APPLICANT, account, address)) {
			model.addAttribute("preview", this.closing.preview(me.applicantId()));
			model.addAttribute("passwordError", "privacy.close.password.paused");
			return "privacy/close";
		}
		if (!this.accounts.isPassword(me.applicantId(), password)) {
			this.throttle.record(SignInThrottle.Audience.APPLICANT, account, address, false);
			model.addAttribute("preview", this.closing.preview(me.applicantId()));
			model.addAttribute("passwordError", "privacy.close.password.wrong");
			return "privacy/close";
		}
		this.closing.close(me.applicantId());
		// Signed out here; any other session of the account ends at its next request.
		var session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(ApplicantAuthentication.SECURITY_CONTEXT_KEY);
		}
		return "redirect:" + ApplicantAuthentication.SIGN_IN_PATH + "?closed";
	}

}

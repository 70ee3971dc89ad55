package org.prospectus.applicant;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.prospectus.account.PasswordPolicy;
import org.prospectus.account.SetPasswordForm;
import org.prospectus.web.FormFields;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Applicants' account pages: register, verify the address, sign in, reset a forgotten
 * password, and the account's own page. Every answer about an address is the same whether
 * or not it has an account.
 */
@Controller
class ApplicantAccountController {

	private final ApplicantAccounts accounts;

	ApplicantAccountController(ApplicantAccounts accounts) {
		this.accounts = accounts;
	}

	@InitBinder("registration")
	void allowRegistrationFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(RegistrationForm.class));
	}

	@InitBinder("emailForm")
	void allowEmailField(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(EmailForm.class));
	}

	@InitBinder("newPassword")
	void allowNewPasswordFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(SetPasswordForm.class));
	}

	@GetMapping("/account/register")
	String registrationForm(Model model) {
		model.addAttribute("registration", new RegistrationForm());
		return showRegistration(model);
	}

	@PostMapping("/account/register")
	String register(@Valid @ModelAttribute("registration") RegistrationForm form, BindingResult result, Model model,
			HttpServletRequest request) {
		if (!result.hasFieldErrors("password")) {
			this.accounts.checkPassword(form.getPassword(), form.getEmail())
				.ifPresent((rule) -> result.rejectValue("password", rule));
		}
		if (!result.hasFieldErrors("password") && !form.getPassword().equals(form.getConfirmation())) {
			result.rejectValue("confirmation", "password.confirmation.mismatch");
		}
		if (result.hasErrors()) {
			form.setPassword(null);
			form.setConfirmation(null);
			return showRegistration(model);
		}
		this.accounts.register(form.getEmail(), form.getFullName(), form.getPassword(), request.getRemoteAddr(),
				LocaleContextHolder.getLocale());
		return "redirect:/account/register/check-email";
	}

	@GetMapping("/account/register/check-email")
	String checkEmail(Model model) {
		model.addAttribute("emailForm", EmailForm.empty());
		return "applicant/check-email";
	}

	@PostMapping("/account/verify/resend")
	String resend(@Valid @ModelAttribute("emailForm") EmailForm form, BindingResult result,
			HttpServletRequest request) {
		if (result.hasErrors()) {
			return "applicant/check-email";
		}
		this.accounts.resendVerification(form.email(), request.getRemoteAddr());
		return "redirect:/account/register/check-email?resent";
	}

	/**
	 * Shows what the link confirms, with a button: mail scanners that open links must not
	 * use it up.
	 */
	@GetMapping("/account/verify")
	String verifyPage(@RequestParam(required = false) String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("address", this.accounts.verificationFor(token).orElse(null));
		model.addAttribute("emailForm", EmailForm.empty());
		return "applicant/verify";
	}

	@PostMapping("/account/verify")
	String verify(@RequestParam(required = false) String token, Model model) {
		if (!this.accounts.verify(token)) {
			return verifyPage(token, model);
		}
		return "redirect:/account/sign-in?verified";
	}

	@GetMapping("/account/sign-in")
	String signIn() {
		return "applicant/sign-in";
	}

	@GetMapping("/account/forgot-password")
	String forgotPasswordForm(Model model) {
		model.addAttribute("emailForm", EmailForm.empty());
		return "applicant/forgot-password";
	}

	@PostMapping("/account/forgot-password")
	String forgotPassword(@Valid @ModelAttribute("emailForm") EmailForm form, BindingResult result,
			HttpServletRequest request) {
		if (result.hasErrors()) {
			return "applicant/forgot-password";
		}
		this.accounts.requestPasswordReset(form.email(), request.getRemoteAddr());
		return "redirect:/account/forgot-password?sent";
	}

	@GetMapping("/account/reset-password")
	String resetPasswordForm(@RequestParam(required = false) String token, Model model) {
		SetPasswordForm form = new SetPasswordForm();
		form.setToken(token);
		model.addAttribute("newPassword", form);
		return showReset(form, model);
	}

	@PostMapping("/account/reset-password")
	String resetPassword(@ModelAttribute("newPassword") SetPasswordForm form, BindingResult result, Model model) {
		Optional<String> address = this.accounts.resetFor(form.getToken());
		if (address.isEmpty()) {
			return showReset(form, model);
		}
		this.accounts.checkPassword(form.getPassword(), address.get())
			.ifPresent((rule) -> result.rejectValue("password", rule));
		if (!result.hasErrors() && !form.getPassword().equals(form.getConfirmation())) {
			result.rejectValue("confirmation", "password.confirmation.mismatch");
		}
		if (result.hasErrors() || !this.accounts.resetPassword(form.getToken(), form.getPassword())) {
			return showReset(form, model);
		}
		return "redirect:/account/sign-in?passwordReset";
	}

	private String showRegistration(Model model) {
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
		return "applicant/register";
	}

	private String showReset(SetPasswordForm form, Model model) {
		form.setPassword(null);
		form.setConfirmation(null);
		model.addAttribute("address", this.accounts.resetFor(form.getToken()).orElse(null));
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
		return "applicant/reset-password";
	}

}

package org.prospectus.account;

import java.util.Optional;

import jakarta.validation.Valid;
import org.prospectus.web.FormFields;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in, and setting a password with a single-use link. */
@Controller
class AccountController {

	private final StaffAccounts accounts;

	private final PasswordPolicy policy;

	AccountController(StaffAccounts accounts, PasswordPolicy policy) {
		this.accounts = accounts;
		this.policy = policy;
	}

	@InitBinder("form")
	void allowOnlyFormFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(SetPasswordForm.class));
	}

	@GetMapping("/login")
	String login() {
		return "account/login";
	}

	@GetMapping("/staff/set-password")
	String setPasswordForm(@RequestParam(required = false) String token, Model model) {
		SetPasswordForm form = new SetPasswordForm();
		form.setToken(token);
		return showForm(form, model);
	}

	@PostMapping("/staff/set-password")
	String setPassword(@Valid @ModelAttribute("form") SetPasswordForm form, BindingResult result, Model model) {
		Optional<StaffUser> user = this.accounts.findByUsableToken(form.getToken());
		if (user.isEmpty()) {
			return showForm(form, model);
		}
		if (!result.hasFieldErrors("password")) {
			this.policy.check(form.getPassword(), user.get().getEmail())
				.ifPresent((rule) -> result.rejectValue("password", rule));
		}
		if (!result.hasErrors() && !form.getPassword().equals(form.getConfirmation())) {
			result.rejectValue("confirmation", "password.confirmation.mismatch");
		}
		if (result.hasErrors()) {
			return showForm(form, model);
		}
		SetPasswordOutcome outcome = this.accounts.setPassword(form.getToken(), form.getPassword());
		if (outcome != SetPasswordOutcome.SET) {
			return showForm(form, model);
		}
		return "redirect:/login?passwordSet";
	}

	private String showForm(SetPasswordForm form, Model model) {
		form.setPassword(null);
		form.setConfirmation(null);
		model.addAttribute("form", form);
		model.addAttribute("person", this.accounts.findByUsableToken(form.getToken()).orElse(null));
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
		return "account/set-password";
	}

}

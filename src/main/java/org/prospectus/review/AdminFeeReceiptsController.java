package org.prospectus.review;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.applications.ApplicationDocuments.DocumentTarget;
import org.prospectus.decisions.ApplicationReview;
import org.prospectus.decisions.ApplicationReview.Outcome;
import org.prospectus.applications.DocumentChecklist.Verdict;
import org.prospectus.review.ReviewForms.CheckForm;
import org.prospectus.web.FormFields;
import org.prospectus.web.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The fee receipts waiting for a check in the officer's own rounds (ADR 0026): of
 * submitted applications, and of drafts whose institution has submitting wait for the
 * check. An officer opens a receipt and verifies it, which makes the fee paid, or refuses
 * it with a reason the applicant reads, which makes it due again. Of a draft nothing else
 * is shown.
 */
@Controller
class AdminFeeReceiptsController {

	static final int REASON_LENGTH = 500;

	private final ApplicationReview review;

	AdminFeeReceiptsController(ApplicationReview review) {
		this.review = review;
	}

	@InitBinder("checkForm")
	void checkFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(CheckForm.class));
	}

	@GetMapping("/admin/applications/fee-receipts")
	String list(Model model) {
		return show(model);
	}

	@GetMapping("/admin/applications/{id}/fee-receipt/{documentId}")
	void receipt(@PathVariable String id, @PathVariable String documentId, HttpServletResponse response) {
		boolean found = this.review.openReceipt(uuid(id), uuid(documentId), false,
				DocumentTarget.toStaff(response, false));
		if (!found) {
			throw NotFoundException.forMissing("document");
		}
	}

	@PostMapping("/admin/applications/{id}/fee-receipt")
	String check(@PathVariable String id, @ModelAttribute("checkForm") CheckForm form, BindingResult errors,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		UUID application = uuid(id);
		// Another institution's application, or one that is not there, is not found,
		// whatever the form says.
		if (!this.review.checksFeeOf(application)) {
			throw NotFoundException.forMissing("application");
		}
		Verdict verdict = null;
		try {
			verdict = (form.verdict() != null) ? Verdict.valueOf(form.verdict()) : null;
		}
		catch (IllegalArgumentException ex) {
			// Told beside the field below.
		}
		if (verdict == null) {
			errors.rejectValue("verdict", "review.check.verdict.choose");
		}
		if (verdict == Verdict.REJECTED && (form.reason() == null || form.reason().isBlank())) {
			errors.rejectValue("reason", "review.check.reason.required");
		}
		else if (form.reason() != null && form.reason().strip().length() > REASON_LENGTH) {
			errors.rejectValue("reason", "review.check.reason.too-long", new Object[] { REASON_LENGTH }, null);
		}
		if (!errors.hasErrors() && this.review.checkReceipt(application, verdict, form.reason()) == Outcome.NOT_YOURS) {
			errors.rejectValue("verdict", "review.outcome.NOT_YOURS");
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("checked", application);
			return show(model);
		}
		redirect.addFlashAttribute("done", "review.check.done");
		return "redirect:/admin/applications/fee-receipts";
	}

	private String show(Model model) {
		model.addAttribute("receipts", this.review.receiptsToCheck());
		if (!model.containsAttribute("checkForm")) {
			model.addAttribute("checkForm", CheckForm.empty());
		}
		return "admin/applications/fee-receipts";
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw NotFoundException.forMissing("record");
		}
	}

}

package org.prospectus.references;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.applicant.ApplicantPrincipal;
import org.prospectus.applications.ApplicationService;
import org.prospectus.web.FormFields;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * The applicant's referees page, where their round asks for references: name each
 * referee, change one until they answer, and see where each request stands (never what
 * was written).
 */
@Controller
class RefereesController {

	private final References references;

	private final ApplicationService applications;

	RefereesController(References references, ApplicationService applications) {
		this.references = references;
		this.applications = applications;
	}

	@InitBinder("form")
	void allowOnlyFormFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(RefereesForm.class));
		binder.setAutoGrowCollectionLimit(2);
	}

	@GetMapping("/applications/{id}/references")
	String page(@PathVariable String id, @AuthenticationPrincipal ApplicantPrincipal me, Model model) {
		References.RefereesPage page = this.references.page(owned(id, me), me.applicantId());
		model.addAttribute("form", RefereesForm.of(page));
		return show(page, model);
	}

	@PostMapping("/applications/{id}/references")
	String save(@PathVariable String id, @ModelAttribute("form") RefereesForm form, BindingResult errors,
			@AuthenticationPrincipal ApplicantPrincipal me, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		UUID application = owned(id, me);
		if (!this.references.save(application, me.applicantId(), form, errors)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(this.references.page(application, me.applicantId()), model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/applications/" + application + "/references";
	}

	@PostMapping("/applications/{id}/references/{position}/resend")
	String resend(@PathVariable String id, @PathVariable int position, @AuthenticationPrincipal ApplicantPrincipal me,
			RedirectAttributes redirect) {
		UUID application = owned(id, me);
		redirect.addFlashAttribute(
				this.references.resend(application, me.applicantId(), position) ? "resent" : "notResent", position);
		return "redirect:/applications/" + application + "/references";
	}

	private String show(References.RefereesPage page, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("app", page.application());
		model.addAttribute("relationships", Relationship.values());
		return "applications/references";
	}

	private UUID owned(String id, ApplicantPrincipal me) {
		return this.applications.owned(id, me.applicantId()).getId();
	}

}

package org.prospectus.privacy;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.prospectus.web.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An institution administrator erases an applicant on request: a page that lists what
 * goes and what stays, and asks for the reason, which the audit log keeps.
 */
@Controller
class ErasureController {

	static final int REASON_LENGTH = 500;

	private final ApplicantErasure erasure;

	ErasureController(ApplicantErasure erasure) {
		this.erasure = erasure;
	}

	@GetMapping("/admin/applications/{id}/erase")
	String confirm(@PathVariable UUID id, Model model) {
		return show(plan(id), null, null, model);
	}

	@PostMapping("/admin/applications/{id}/erase")
	String erase(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason, Model model,
			RedirectAttributes redirect) {
		ApplicantErasure.Plan plan = plan(id);
		String typed = (reason != null) ? reason.strip() : "";
		if (typed.isEmpty()) {
			return show(plan, reason, "erase.reason.required", model);
		}
		if (typed.length() > REASON_LENGTH) {
			return show(plan, reason, "erase.reason.too-long", model);
		}
		ApplicantErasure.Plan done = this.erasure.erase(id, typed)
			.orElseThrow(() -> NotFoundException.forMissing("application"));
		redirect.addFlashAttribute("erased", done.erasable().size());
		return "redirect:/admin/applications";
	}

	private ApplicantErasure.Plan plan(UUID id) {
		ApplicantErasure.Plan plan = this.erasure.plan(id)
			.orElseThrow(() -> NotFoundException.forMissing("application"));
		if (!plan.allowed()) {
			throw new AccessDeniedException("Not an administrator there");
		}
		return plan;
	}

	private String show(ApplicantErasure.Plan plan, @Nullable String reason, @Nullable String error, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("reason", reason);
		model.addAttribute("reasonError", error);
		model.addAttribute("reasonLength", REASON_LENGTH);
		return "privacy/erase";
	}

}

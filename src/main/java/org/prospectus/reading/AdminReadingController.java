package org.prospectus.reading;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.web.ConflictView;
import org.prospectus.web.FormFields;
import org.prospectus.web.NotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admissions officers' pages for selective review: the review plans of their programmes,
 * one plan with its rubric, the bulk assignment of its applications to readers with a
 * preview, and the hand assignment of one application's read.
 */
@Controller
class AdminReadingController {

	private static final String PLANS = "/admin/applications/reading";

	private final ReviewPlans plans;

	private final ApplicationReads reads;

	AdminReadingController(ReviewPlans plans, ApplicationReads reads) {
		this.plans = plans;
		this.reads = reads;
	}

	@InitBinder("planForm")
	void planFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(PlanForm.class));
	}

	@GetMapping(PLANS)
	String overview(Model model) {
		model.addAttribute("rows", this.plans.overview());
		return "reading/plans";
	}

	@GetMapping(PLANS + "/{round}/{programme}")
	String plan(@PathVariable long round, @PathVariable long programme, Model model) {
		ReviewPlans.PlanPage page = this.plans.page(round, programme);
		return show(page, PlanForm.of(page.plan()), model);
	}

	@PostMapping(PLANS + "/{round}/{programme}")
	String save(@PathVariable long round, @PathVariable long programme, @ModelAttribute("planForm") PlanForm form,
			BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		boolean saved;
		try {
			saved = this.plans.save(round, programme, form, errors);
		}
		catch (OptimisticLockingFailureException ex) {
			return conflict(round, programme, form, model, response);
		}
		if (!saved) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			form.fill();
			return show(this.plans.page(round, programme), form, model);
		}
		redirect.addFlashAttribute("done", "reading.plan.saved");
		return "redirect:" + PLANS + "/" + round + "/" + programme;
	}

	@PostMapping(PLANS + "/{round}/{programme}/preview")
	String preview(@PathVariable long round, @PathVariable long programme,
			@RequestParam(name = "readers", required = false) List<String> readers, Model model,
			HttpServletResponse response) {
		ReviewPlans.PlanPage page = this.plans.page(round, programme);
		Set<Long> chosen = ids(readers);
		if (chosen.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("readersError", "reading.assign.none");
			return show(page, PlanForm.of(page.plan()), model);
		}
		model.addAttribute("preview", this.plans.preview(round, programme, chosen));
		model.addAttribute("chosen", chosen);
		return show(page, PlanForm.of(page.plan()), model);
	}

	@PostMapping(PLANS + "/{round}/{programme}/assign")
	String assign(@PathVariable long round, @PathVariable long programme,
			@RequestParam(name = "readers", required = false) List<String> readers, RedirectAttributes redirect) {
		ReviewPlans.Distribution made = this.plans.assign(round, programme, ids(readers));
		redirect.addFlashAttribute("assigned", made.total());
		return "redirect:" + PLANS + "/" + round + "/" + programme + "#assign";
	}

	@PostMapping("/admin/applications/{id}/reads")
	String assignOne(@PathVariable String id, @RequestParam(name = "reader", required = false) String reader,
			RedirectAttributes redirect) {
		UUID application;
		try {
			application = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw NotFoundException.forMissing("application");
		}
		boolean done = this.reads.assign(application, parse(reader));
		redirect.addFlashAttribute("done", done ? "reading.assign.one.done" : "reading.assign.one.refused");
		return "redirect:/admin/applications/" + application + "#reads";
	}

	private String show(ReviewPlans.PlanPage page, PlanForm form, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("planForm", form);
		return "reading/plan";
	}

	private String conflict(long round, long programme, PlanForm yours, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		ReviewPlans.PlanPage page = this.plans.page(round, programme);
		PlanForm saved = PlanForm.of(page.plan());
		List<ConflictView.Row> rows = List.of(
				new ConflictView.Row("reading.plan.reads", saved.getReads(), yours.getReads()),
				new ConflictView.Row("reading.plan.blind", String.valueOf(saved.isBlind()),
						String.valueOf(yours.isBlind())),
				new ConflictView.Row("reading.plan.disagreement", saved.getDisagreement(), yours.getDisagreement()),
				new ConflictView.Row("reading.plan.criteria", criteria(saved), criteria(yours)));
		model.addAttribute("conflict", new ConflictView(page.place().programme() + ", " + page.place().round(), rows,
				PLANS + "/" + round + "/" + programme));
		return ConflictView.VIEW;
	}

	private static String criteria(PlanForm form) {
		return String.join("; ",
				form.getCriteria()
					.stream()
					.filter((row) -> row != null && !row.isBlank())
					.map((row) -> row.getName() + " (1–" + row.getScale() + ", ×" + row.getWeight() + ")")
					.toList());
	}

	private static Set<Long> ids(List<String> typed) {
		if (typed == null) {
			return Set.of();
		}
		return typed.stream()
			.map(AdminReadingController::parse)
			.filter((id) -> id != null)
			.collect(Collectors.toUnmodifiableSet());
	}

	private static Long parse(String typed) {
		if (typed == null) {
			return null;
		}
		try {
			return Long.valueOf(typed.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}

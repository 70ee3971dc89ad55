package org.prospectus.applications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.applicant.ApplicantPrincipal;
import org.prospectus.applicant.ExpiredSessionRescue;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.support.Countries;
import org.prospectus.support.FieldChecks;
import org.prospectus.web.Formats;
import org.prospectus.web.NotFoundException;
import org.prospectus.web.SelectOptions;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The application, step by step, for its applicant only: start in an open round, fill in
 * each step (saved as typed, whatever its problems), check the answers, submit, follow
 * the status, withdraw. Another person's application answers 404, as if it did not exist.
 */
@Controller
class ApplicationController {

	private static final SelectOptions COUNTRY_OPTIONS = SelectOptions.of(Countries.ALL);

	private static final SelectOptions CITIZENSHIP_OPTIONS = SelectOptions.of(Countries.CITIZENSHIPS);

	private final ApplicationService applications;

	private final ApplicationDocuments documents;

	private final List<StatusPageSection> sections;

	private final Clock clock;

	ApplicationController(ApplicationService applications, ApplicationDocuments documents,
			List<StatusPageSection> sections, Clock clock) {
		this.sections = sections;
		this.clock = clock;
		this.applications = applications;
		this.documents = documents;
	}

	@GetMapping("/applications/new")
	String startPage(@RequestParam(required = false) String round, @RequestParam(required = false) String programme,
			@AuthenticationPrincipal ApplicantPrincipal me, Model model) {
		ApplicationRound open = this.applications.openRoundFor((round != null) ? round : "", me.applicantId())
			.orElseThrow(() -> NotFoundException.forMissing("open round"));
		model.addAttribute("round", open);
		model.addAttribute("programme", ApplicationService.programmeIn(open, programme).orElse(null));
		model.addAttribute("context", null);
		model.addAttribute("deadline", deadline(open, me.applicantId()));
		model.addAttribute("existing", this.applications.existing(me.applicantId(), open.getId()).orElse(null));
		return "applications/start";
	}

	@PostMapping("/applications")
	String start(@RequestParam(required = false) String round, @RequestParam(required = false) String programme,
			@AuthenticationPrincipal ApplicantPrincipal me) {
		UUID id = this.applications.start(me.applicantId(), (round != null) ? round : "", programme)
			.orElseThrow(() -> NotFoundException.forMissing("open round"));
		return "redirect:/applications/" + id + "/steps/" + Step.PERSONAL.slug();
	}

	@GetMapping("/applications/{id}")
	String status(@PathVariable String id, @AuthenticationPrincipal ApplicantPrincipal me, Locale locale, Model model) {
		Application application = owned(id, me);
		Answers answers = this.applications.answers(application);
		model.addAttribute("app", application);
		model.addAttribute("round", application.getRound());
		model.addAttribute("deadline", deadline(application.getRound(), application.getApplicant().getId()));
		model.addAttribute("checks", this.applications.check(application, answers));
		model.addAttribute("fee", this.applications.fee(application));
		model.addAttribute("steps", Step.values());
		List<ApplicationDocuments.DocumentView> files = this.documents.list(application.getId(), me.applicantId());
		model.addAttribute("documents", files);
		model.addAttribute("timeline", this.applications.timeline(application, files, locale));
		model.addAttribute("canAddDocuments", this.documents.canAdd(application));
		model.addAttribute("documentsDeadline",
				ApplicationDocuments.documentsDeadline(application.getRound(), this.documents.dueAt(application)));
		Instant now = this.clock.instant();
		model.addAttribute("now", now);
		for (StatusPageSection section : this.sections) {
			model.addAllAttributes(section.attributes(application, now));
		}
		return "applications/status";
	}

	@GetMapping("/applications/{id}/steps/{step}")
	String stepPage(@PathVariable String id, @PathVariable String step, @RequestParam(required = false) String from,
			@AuthenticationPrincipal ApplicantPrincipal me, HttpServletRequest request, Model model) {
		ApplicationService.StepView view = this.applications.stepView(id, me.applicantId());
		Application application = view.application();
		Step current = step(step);
		if (!current.isForm()) {
			return "redirect:/applications/" + application.getId() + "/documents";
		}
		if (!application.isDraft()) {
			return "redirect:/applications/" + application.getId();
		}
		StepForm form = view.answers().step(current);
		Optional<Map<String, String[]>> typed = ExpiredSessionRescue.take(request);
		if (typed.isPresent()) {
			// Typed before the session ended: shown again, saved only when sent again.
			form = current.blankForm();
			binder(form).bind(new MutablePropertyValues(typed.get()));
			model.addAttribute("restored", true);
		}
		form.ifRows(EducationForm::withBlankRow);
		model.addAttribute("form", form);
		return showStep(application, current, from, view.context(), model);
	}

	@PostMapping("/applications/{id}/steps/{step}")
	String saveStep(@PathVariable String id, @PathVariable String step, @RequestParam(required = false) String from,
			@AuthenticationPrincipal ApplicantPrincipal me, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		Step current = step(step);
		if (!current.isForm()) {
			return "redirect:/applications/" + owned(id, me).getId() + "/documents";
		}
		StepForm form = current.blankForm();
		ServletRequestDataBinder binder = binder(form);
		binder.bind(request);
		ApplicationService.SavedStep saved = this.applications.saveStep(id, me.applicantId(), form);
		Application application = saved.application();
		if (saved.context() == null) {
			return "redirect:/applications/" + application.getId();
		}
		BindingResult result = binder.getBindingResult();
		form.check(new FieldChecks(result), saved.context());
		if (result.hasErrors()) {
			form.ifRows(EducationForm::withBlankRow);
			model.addAttribute("form", form);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
			model.addAttribute("saved", true);
			return showStep(application, current, from, saved.context(), model);
		}
		if (request.getParameter("count") != null) {
			// "Save and count words": back to the same step, which shows the count.
			return "redirect:/applications/" + application.getId() + "/steps/" + current.slug()
					+ ("review".equals(from) ? "?from=review" : "");
		}
		Optional<Step> next = current.next();
		if ("review".equals(from) || next.isEmpty()) {
			return "redirect:/applications/" + application.getId() + "/review";
		}
		if (!next.get().isForm()) {
			return "redirect:/applications/" + application.getId() + "/documents";
		}
		return "redirect:/applications/" + application.getId() + "/steps/" + next.get().slug();
	}

	@GetMapping("/applications/{id}/review")
	String review(@PathVariable String id, @AuthenticationPrincipal ApplicantPrincipal me, Model model) {
		Application application = owned(id, me);
		return showReview(application, me, null, model);
	}

	@PostMapping("/applications/{id}/submit")
	String submit(@PathVariable String id, @RequestParam(required = false) String submitKey,
			@RequestParam(required = false) String declaration, @AuthenticationPrincipal ApplicantPrincipal me,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Application application = owned(id, me);
		SubmitOutcome outcome = this.applications.submit(application.getId(), me.applicantId(), submitKey,
				"yes".equals(declaration));
		switch (outcome.result()) {
			case SUBMITTED, ALREADY_SUBMITTED, WITHDRAWN -> {
				redirect.addFlashAttribute("outcome", outcome.result().name());
				return "redirect:/applications/" + application.getId();
			}
			default -> {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return showReview(owned(id, me), me, outcome, model);
			}
		}
	}

	@GetMapping("/applications/{id}/withdraw")
	String withdrawPage(@PathVariable String id, @AuthenticationPrincipal ApplicantPrincipal me, Model model) {
		model.addAttribute("app", owned(id, me));
		return "applications/withdraw";
	}

	@PostMapping("/applications/{id}/withdraw")
	String withdraw(@PathVariable String id, @AuthenticationPrincipal ApplicantPrincipal me,
			RedirectAttributes redirect) {
		Application application = owned(id, me);
		if (this.applications.withdraw(application.getId(), me.applicantId())) {
			redirect.addFlashAttribute("outcome", "WITHDRAWN_NOW");
		}
		return "redirect:/applications/" + application.getId();
	}

	private String showStep(Application application, Step step, String from, StepContext context, Model model) {
		model.addAttribute("app", application);
		model.addAttribute("step", step);
		model.addAttribute("steps", Step.values());
		model.addAttribute("fromReview", "review".equals(from));
		model.addAttribute("context", context);
		model.addAttribute("countries", (step == Step.CITIZENSHIP) ? CITIZENSHIP_OPTIONS : COUNTRY_OPTIONS);
		if (step == Step.STATEMENT && model.getAttribute("form") instanceof StatementForm statement) {
			// The counter is worked out here, so that it is there without JavaScript too.
			model.addAttribute("statementWords", StatementForm.words(statement.getText()));
			model.addAttribute("statementLimit", StatementForm.MAX_WORDS);
		}
		return "applications/step";
	}

	private String showReview(Application application, ApplicantPrincipal me, SubmitOutcome outcome, Model model) {
		Answers answers = this.applications.answers(application);
		ApplicationService.Checked checked = this.applications.checkWithFee(application, answers);
		Map<Step, Errors> checks = checked.steps();
		model.addAttribute("app", application);
		model.addAttribute("answers", answers);
		model.addAttribute("checks", checks);
		model.addAttribute("declarationKey", "application.declaration." + ApplicationService.DECLARATION_VERSION);
		model.addAttribute("complete", checks.values().stream().noneMatch(Errors::hasErrors));
		model.addAttribute("feeStatus", checked.fee());
		model.addAttribute("fee", this.applications.fee(application, checked.fee()));
		model.addAttribute("context", this.applications.context(application));
		model.addAttribute("steps", Step.values());
		model.addAttribute("deadline", deadline(application.getRound(), application.getApplicant().getId()));
		model.addAttribute("outcome", outcome);
		model.addAttribute("submitKey", UUID.randomUUID().toString());
		model.addAttribute("countryNames", Countries.NAMES);
		model.addAttribute("documents", this.documents.list(application.getId(), me.applicantId()));
		model.addAttribute("requiredKinds", DocumentKind.REQUIRED);
		return "applications/review";
	}

	/** The applicant's deadline as the institution states it: the round's, or theirs. */
	private String deadline(ApplicationRound round, long applicantId) {
		return Formats.at(this.applications.deadlineFor(round, applicantId), round.getZone(),
				LocaleContextHolder.getLocale());
	}

	private Application owned(String id, ApplicantPrincipal me) {
		return this.applications.owned(id, me.applicantId());
	}

	private static Step step(String slug) {
		return Step.ofSlug(slug).orElseThrow(() -> NotFoundException.forMissing("step"));
	}

	/** A binder that takes only the step's own fields, and at most its rows. */
	private static ServletRequestDataBinder binder(StepForm form) {
		ServletRequestDataBinder binder = new ServletRequestDataBinder(form, "form");
		binder.setAllowedFields(form.allowedFields());
		binder.setAutoGrowCollectionLimit(EducationForm.MAX_ENTRIES + 1);
		return binder;
	}

}

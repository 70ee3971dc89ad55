package org.prospectus.intake;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.institution.Institution;
import org.prospectus.staging.ScheduleForm;
import org.prospectus.web.ConflictView;
import org.prospectus.web.FormFields;
import org.prospectus.web.Languages;
import org.prospectus.web.NotFoundException;
import org.prospectus.web.Pagination;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
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
 * Catalogue editors' pages for application rounds: the list, the edit form (saved as
 * unpublished changes), the review page that compares them with what is published, and
 * publishing or discarding them.
 */
@Controller
class AdminRoundController {

	static final int PAGE_SIZE = 20;

	private final RoundEditing editing;

	private final RoundRollover rollover;

	private final Clock clock;

	private final Languages languages;

	AdminRoundController(RoundEditing editing, RoundRollover rollover, Clock clock, Languages languages) {
		this.languages = languages;
		this.editing = editing;
		this.rollover = rollover;
		this.clock = clock;
	}

	@InitBinder("scheduleForm")
	void allowOnlyScheduleFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(ScheduleForm.class));
	}

	@InitBinder("form")
	void allowOnlyFormFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(RoundForm.class));
	}

	@GetMapping("/admin/catalogue/rounds")
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") String page, Model model,
			HttpServletRequest request) {
		int number = Pagination.pageNumber(page);
		Page<ApplicationRound> rounds = this.editing.search(q,
				PageRequest.of(number - 1, PAGE_SIZE, Sort.by(Sort.Direction.DESC, "deadlineAt")));
		model.addAttribute("rounds", rounds);
		model.addAttribute("pendingIds", this.editing.pendingAmong(rounds.getContent()));
		model.addAttribute("q", q);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("pagination", Pagination.of(rounds, request));
		return "admin/catalogue/rounds";
	}

	@InitBinder("newForm")
	void allowOnlyNewFormFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(NewRoundForm.class));
	}

	/**
	 * A new round: first its institution, whose zone the times are typed in and whose
	 * programmes it may admit to, then the round itself.
	 */
	@GetMapping("/admin/catalogue/rounds/new")
	String newForm(@RequestParam(required = false) String institution, Model model) {
		Optional<Institution> chosen = institution(institution);
		if (chosen.isEmpty()) {
			model.addAttribute("institutions", this.editing.institutions());
			return "admin/catalogue/round-new";
		}
		NewRoundForm form = new NewRoundForm();
		form.setChoiceLimit("4");
		model.addAttribute("newForm", form);
		return showNewForm(chosen.get(), model);
	}

	@PostMapping("/admin/catalogue/rounds")
	String create(@RequestParam(required = false) String institution, @ModelAttribute("newForm") NewRoundForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Institution chosen = institution(institution).orElseThrow(() -> NotFoundException.forMissing("institution"));
		if (!this.editing.checkNew(chosen, form, result)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return showNewForm(chosen, model);
		}
		long id;
		try {
			id = this.editing.create(chosen, form);
		}
		catch (RoundEditing.SlugTakenException ex) {
			result.rejectValue("slug", "round.form.slug.taken");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return showNewForm(chosen, model);
		}
		redirect.addFlashAttribute("saved", "admin.round.created");
		redirect.addFlashAttribute("savedTitle", form.getName().strip());
		return "redirect:/admin/catalogue/rounds/" + id;
	}

	private String showNewForm(Institution institution, Model model) {
		model.addAttribute("institution", institution);
		model.addAttribute("choices", this.editing.choicesFor(institution));
		return "admin/catalogue/round-new-form";
	}

	private Optional<Institution> institution(String id) {
		try {
			return (id != null) ? this.editing.institution(Long.parseLong(id.strip())) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	@GetMapping("/admin/catalogue/rounds/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		RoundEditing.Draft draft = draft(id);
		model.addAttribute("form", draft.form());
		return showForm(draft, model);
	}

	@PostMapping("/admin/catalogue/rounds/{id}")
	String save(@PathVariable long id, @ModelAttribute("form") RoundForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		RoundEditing.Draft draft = draft(id);
		if (!this.editing.check(id, form, result)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return showForm(draft, model);
		}
		try {
			this.editing.save(id, form);
		}
		catch (RoundConflictException ex) {
			return conflict(draft, ex.saved(), form, response, model);
		}
		catch (OptimisticLockingFailureException ex) {
			// Someone published between our check and our write.
			return conflict(draft, draft(id).form(), form, response, model);
		}
		redirect.addFlashAttribute("saved", "admin.round.staged");
		redirect.addFlashAttribute("savedTitle", form.getName().strip());
		return "redirect:/admin/catalogue/rounds/" + id;
	}

	/**
	 * The unpublished changes beside the published values, with the programmes to
	 * preview.
	 */
	@GetMapping("/admin/catalogue/rounds/{id}")
	String review(@PathVariable long id, Model model) {
		model.addAttribute("scheduleForm", new ScheduleForm());
		return showReview(draft(id), model);
	}

	private String showReview(RoundEditing.Draft draft, Model model) {
		model.addAttribute("draft", draft);
		model.addAttribute("round", draft.round());
		model.addAttribute("copy", this.rollover.copyOf(draft.round().getId()).orElse(null));
		return "admin/catalogue/round-review";
	}

	/** Schedules the pending changes to go live at a time typed in the round's zone. */
	@PostMapping("/admin/catalogue/rounds/{id}/schedule")
	String schedule(@PathVariable long id, @ModelAttribute("scheduleForm") ScheduleForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		RoundEditing.Draft draft = draft(id);
		if (!this.editing.schedule(id, form, result)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("scheduleRefused", true);
			return showReview(draft, model);
		}
		redirect.addFlashAttribute("saved", "admin.round.scheduled");
		redirect.addFlashAttribute("savedTitle", draft.round().getName());
		return "redirect:/admin/catalogue/rounds/" + id;
	}

	@PostMapping("/admin/catalogue/rounds/{id}/unschedule")
	String unschedule(@PathVariable long id, RedirectAttributes redirect) {
		RoundEditing.Draft draft = draft(id);
		if (this.editing.unschedule(id)) {
			redirect.addFlashAttribute("saved", "admin.round.unscheduled");
			redirect.addFlashAttribute("savedTitle", draft.round().getName());
		}
		return "redirect:/admin/catalogue/rounds/" + id;
	}

	/** What rolling the round over to next year creates, to check before creating it. */
	@GetMapping("/admin/catalogue/rounds/{id}/rollover")
	String rolloverPreview(@PathVariable long id, Model model) {
		RoundRollover.Plan plan = this.rollover.plan(id).orElseThrow(() -> NotFoundException.forRecord("round", id));
		model.addAttribute("plans", List.of(plan));
		model.addAttribute("round", plan.round());
		return "admin/catalogue/round-rollover";
	}

	@PostMapping("/admin/catalogue/rounds/{id}/rollover")
	String rollOver(@PathVariable long id, RedirectAttributes redirect) {
		long copy = this.rollover.rollOver(id);
		redirect.addFlashAttribute("saved", "admin.round.rolled-over");
		redirect.addFlashAttribute("savedTitle", draft(copy).round().getName());
		return "redirect:/admin/catalogue/rounds/" + copy;
	}

	/** What rolling over all an institution's current rounds creates. */
	@GetMapping("/admin/catalogue/rounds/rollover")
	String rolloverAllPreview(@RequestParam(required = false) String institution, Model model) {
		Optional<Institution> chosen = institution(institution);
		if (chosen.isEmpty()) {
			model.addAttribute("institutions", this.editing.institutions());
			model.addAttribute("rollover", true);
			return "admin/catalogue/round-new";
		}
		model.addAttribute("institution", chosen.get());
		model.addAttribute("plans", this.rollover.planAll(chosen.get().getId()));
		return "admin/catalogue/round-rollover";
	}

	@PostMapping("/admin/catalogue/rounds/rollover")
	String rollOverAll(@RequestParam(required = false) String institution, RedirectAttributes redirect) {
		Institution chosen = institution(institution).orElseThrow(() -> NotFoundException.forMissing("institution"));
		List<Long> copies = this.rollover.rollOverAll(chosen.getId());
		redirect.addFlashAttribute("saved", "admin.rounds.rolled-over");
		redirect.addFlashAttribute("savedTitle", copies.size());
		return "redirect:/admin/catalogue/rounds";
	}

	@PostMapping("/admin/catalogue/rounds/{id}/publish")
	String publish(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) Long revision,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		RoundEditing.Draft draft = draft(id);
		try {
			this.editing.publish(id, version, revision);
		}
		catch (RoundConflictException | OptimisticLockingFailureException ex) {
			return conflict(draft, draft(id).form(), null, response, model);
		}
		catch (InvalidRoundRevisionException ex) {
			model.addAttribute("form", draft.form());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", ex.errors());
			model.addAttribute("publishRefused", true);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return showForm(draft, model);
		}
		redirect.addFlashAttribute("saved", "admin.rounds.published");
		redirect.addFlashAttribute("savedTitle", draft.form().getName());
		return "redirect:/admin/catalogue/rounds";
	}

	@PostMapping("/admin/catalogue/rounds/{id}/discard")
	String discard(@PathVariable long id, @RequestParam(required = false) Long revision, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		RoundEditing.Draft draft = draft(id);
		try {
			this.editing.discard(id, revision);
		}
		catch (RoundConflictException ex) {
			return conflict(draft, draft(id).form(), null, response, model);
		}
		redirect.addFlashAttribute("saved", "admin.rounds.discarded");
		redirect.addFlashAttribute("savedTitle", draft.round().getName());
		return "redirect:/admin/catalogue/rounds";
	}

	private String conflict(RoundEditing.Draft draft, RoundForm saved, RoundForm yours, HttpServletResponse response,
			Model model) {
		response.setStatus(HttpStatus.CONFLICT.value());
		Map<Long, String> names = draft.programmeNames();
		ZoneId zone = draft.round().getZone();
		Map<String, String> typed = (yours != null) ? yours.describe(zone, names) : Map.of();
		model.addAttribute("conflict",
				new ConflictView(draft.round().getName(), ConflictView.compare(saved.describe(zone, names), typed),
						"/admin/catalogue/rounds/" + draft.round().getId() + "/edit"));
		return ConflictView.VIEW;
	}

	private String showForm(RoundEditing.Draft draft, Model model) {
		model.addAttribute("round", draft.round());
		// The languages its name may be translated into: every other the portal offers.
		model.addAttribute("translationLanguages",
				this.languages.offered()
					.stream()
					.filter((language) -> !language.toLanguageTag().equals(draft.round().mainLanguage()))
					.toList());
		model.addAttribute("draft", draft);
		return "admin/catalogue/round-edit";
	}

	private RoundEditing.Draft draft(long id) {
		return this.editing.draft(id).orElseThrow(() -> NotFoundException.forRecord("round", id));
	}

}

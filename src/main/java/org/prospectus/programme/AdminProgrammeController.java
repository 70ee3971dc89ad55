package org.prospectus.programme;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.course.CreditSystem;
import org.prospectus.course.Season;
import org.prospectus.staging.InvalidRevisionException;
import org.prospectus.staging.PublicationState;
import org.prospectus.staging.StaleRevisionException;
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
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Catalogue editors' pages for programmes: the list, creating a draft, editing (saved as
 * pending changes), publishing and retiring. The preview of the public page, which shows
 * the programme's rounds, is {@code site.AdminProgrammePreviewController}.
 */
@Controller
class AdminProgrammeController {

	static final int PAGE_SIZE = 20;

	private final ProgrammePublishing publishing;

	private final ProgrammeEditing editing;

	private final ProgrammeDocuments documents;

	private final Languages languages;

	AdminProgrammeController(ProgrammePublishing publishing, ProgrammeEditing editing, ProgrammeDocuments documents,
			Languages languages) {
		this.languages = languages;
		this.publishing = publishing;
		this.editing = editing;
		this.documents = documents;
	}

	@InitBinder("form")
	void allowOnlyFormFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(ProgrammeForm.class));
		// Rows beyond these are ignored rather than grown without bound.
		binder.setAutoGrowCollectionLimit(ProgrammeForm.MAX_PLAN_ENTRIES + ProgrammeForm.BLANK_ROWS);
	}

	@InitBinder("newForm")
	void allowOnlyNewFormFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(NewProgrammeForm.class));
		binder.setAutoGrowCollectionLimit(ProgrammeForm.MAX_PLAN_ENTRIES + ProgrammeForm.BLANK_ROWS);
	}

	@GetMapping("/admin/catalogue/programmes")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "1") String page, Model model, HttpServletRequest request) {
		PublicationState filter = PublicationState.parseOrNull(state);
		Page<Programme> results = this.publishing.search(q, filter,
				PageRequest.of(Pagination.pageNumber(page) - 1, PAGE_SIZE, Sort.by("title")));
		model.addAttribute("programmes", results);
		model.addAttribute("pendingIds", this.publishing.pendingAmong(results.getContent()));
		model.addAttribute("q", q);
		model.addAttribute("state", filter);
		model.addAttribute("states", PublicationState.values());
		model.addAttribute("pagination", Pagination.of(results, request));
		return "admin/catalogue/programmes";
	}

	@GetMapping("/admin/catalogue/programmes/new")
	String newForm(Model model) {
		NewProgrammeForm form = new NewProgrammeForm();
		form.setCreditSystem(CreditSystem.ECTS.name());
		form.setPacePercent("100");
		form.setLanguage("en");
		form.withBlankRows();
		model.addAttribute("newForm", form);
		return showNewForm(model);
	}

	@PostMapping("/admin/catalogue/programmes")
	String create(@ModelAttribute("newForm") NewProgrammeForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		form.checkIdentity(result);
		if (form.institutionId() != null
				&& this.editing.institutions().stream().noneMatch((i) -> i.getId().equals(form.institutionId()))) {
			// Not one the editor may choose: another institution's, or none at all.
			result.rejectValue("institution", "check.choose");
		}
		ProgrammeContent content = this.editing.check(form, result);
		if (result.hasErrors()) {
			form.withBlankRows();
			return showNewForm(model);
		}
		long id;
		try {
			id = this.editing.create(form, content);
		}
		catch (ProgrammeEditing.IdentityTakenException ex) {
			result.rejectValue(ex.field(), "programme.form." + ex.field() + ".taken");
			form.withBlankRows();
			return showNewForm(model);
		}
		redirect.addFlashAttribute("saved", "admin.programmes.created");
		redirect.addFlashAttribute("savedTitle", content.title());
		return "redirect:/admin/catalogue/programmes/" + id + "/preview";
	}

	@GetMapping("/admin/catalogue/programmes/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		ProgrammeEditing.Draft draft = this.editing.draft(id)
			.orElseThrow(() -> NotFoundException.forRecord("programme", id));
		model.addAttribute("form", draft.form().withBlankRows());
		model.addAttribute("pending", draft.pending());
		return showForm(draft.programme(), model);
	}

	@PostMapping("/admin/catalogue/programmes/{id}")
	String save(@PathVariable long id, @ModelAttribute("form") ProgrammeForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Programme programme = find(id);
		this.editing.check(form, result);
		if (result.hasErrors()) {
			form.withBlankRows();
			model.addAttribute("pending", this.editing.pending(id).orElse(null));
			return showForm(programme, model);
		}
		try {
			this.editing.save(id, form);
		}
		catch (StaleProgrammeException | StaleRevisionException | OptimisticLockingFailureException ex) {
			return contentConflict(id, form, model, response);
		}
		redirect.addFlashAttribute("saved", "admin.programmes.staged");
		redirect.addFlashAttribute("savedTitle", form.getTitle().strip());
		return "redirect:/admin/catalogue/programmes/" + id + "/preview";
	}

	@PostMapping("/admin/catalogue/programmes/{id}/discard")
	String discard(@PathVariable long id, @RequestParam(required = false) Long revision, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Programme programme = find(id);
		try {
			this.editing.discard(id, revision);
		}
		catch (StaleRevisionException ex) {
			return contentConflict(id, null, model, response);
		}
		redirect.addFlashAttribute("saved", "admin.programmes.discarded");
		redirect.addFlashAttribute("savedTitle", programme.getTitle());
		return "redirect:/admin/catalogue/programmes/" + id + "/preview";
	}

	@PostMapping("/admin/catalogue/programmes/{id}/publish")
	String publish(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) Long revision,
			@RequestParam(required = false) String document, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Programme programme = find(id);
		try {
			this.publishing.publish(id, version, revision, (document != null && !document.isBlank()) ? document : null);
		}
		catch (StaleProgrammeException | StaleRevisionException | OptimisticLockingFailureException ex) {
			return stateConflict(id, PublicationState.PUBLISHED, model, response);
		}
		catch (InvalidRevisionException ex) {
			ProgrammeEditing.Draft draft = this.editing.draft(id).orElseThrow();
			ProgrammeForm form = draft.form();
			BindingResult result = new BeanPropertyBindingResult(form, "form");
			this.editing.check(form, result);
			model.addAttribute("form", form.withBlankRows());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
			model.addAttribute("pending", draft.pending());
			model.addAttribute("publishRefused", true);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return showForm(draft.programme(), model);
		}
		redirect.addFlashAttribute("saved", "admin.programmes.published");
		redirect.addFlashAttribute("savedTitle", programme.getTitle());
		return "redirect:/admin/catalogue/programmes";
	}

	@PostMapping("/admin/catalogue/programmes/{id}/retire")
	String retire(@PathVariable long id, @RequestParam long version, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Programme programme = find(id);
		try {
			this.publishing.retire(id, version);
		}
		catch (StaleProgrammeException | OptimisticLockingFailureException ex) {
			return stateConflict(id, PublicationState.RETIRED, model, response);
		}
		redirect.addFlashAttribute("saved", "admin.programmes.retired");
		redirect.addFlashAttribute("savedTitle", programme.getTitle());
		return "redirect:/admin/catalogue/programmes";
	}

	private String stateConflict(long id, PublicationState wanted, Model model, HttpServletResponse response) {
		Programme saved = find(id);
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("conflict",
				new ConflictView(saved.getTitle(),
						List.of(new ConflictView.Row("programme.state", saved.getState().name(), wanted.name())),
						"/admin/catalogue/programmes/" + id + "/preview"));
		return ConflictView.VIEW;
	}

	/**
	 * The 409 page for content: the saved values (pending changes if any, else the live
	 * programme) beside the ones typed.
	 */
	private String contentConflict(long id, ProgrammeForm yours, Model model, HttpServletResponse response) {
		ProgrammeEditing.Draft draft = this.editing.draft(id)
			.orElseThrow(() -> NotFoundException.forRecord("programme", id));
		Map<String, String> saved = draft.form().describe();
		Map<String, String> typed = (yours != null) ? yours.describe() : Map.of();
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("conflict", new ConflictView(draft.programme().getTitle(),
				ConflictView.compare(saved, typed), "/admin/catalogue/programmes/" + id + "/edit"));
		return ConflictView.VIEW;
	}

	private String showForm(Programme programme, Model model) {
		model.addAttribute("programme", programme);
		model.addAttribute("translationLanguages",
				this.languages.besides(programme.getInstitution().getMainLanguage()));
		return addChoices(model, "admin/catalogue/programme-form");
	}

	private String showNewForm(Model model) {
		model.addAttribute("institutions", this.editing.institutions());
		return addChoices(model, "admin/catalogue/programme-new");
	}

	private String addChoices(Model model, String view) {
		model.addAttribute("careerOptions", this.editing.careerOptions());
		model.addAttribute("levels", ProgrammeLevel.values());
		model.addAttribute("creditSystems", CreditSystem.values());
		model.addAttribute("modes", StudyMode.values());
		model.addAttribute("tuitionPeriods", TuitionPeriod.values());
		model.addAttribute("seasons", Season.values());
		model.addAttribute("planCategories", PlanCategory.values());
		return view;
	}

	private Programme find(long id) {
		return this.publishing.find(id).orElseThrow(() -> NotFoundException.forRecord("programme", id));
	}

}

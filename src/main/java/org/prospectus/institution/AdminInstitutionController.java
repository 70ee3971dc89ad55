package org.prospectus.institution;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.prospectus.web.ConflictView;
import org.prospectus.web.FormFields;
import org.prospectus.web.Languages;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Catalogue editors' pages for institutions. */
@Controller
class AdminInstitutionController {

	static final int PAGE_SIZE = 20;

	private final InstitutionEditing editing;

	private final Languages languages;

	AdminInstitutionController(InstitutionEditing editing, Languages languages) {
		this.editing = editing;
		this.languages = languages;
	}

	@InitBinder("form")
	void allowOnlyFormFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(InstitutionForm.class));
	}

	@GetMapping("/admin/catalogue/institutions")
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") String page, Model model,
			HttpServletRequest request) {
		int number = Pagination.pageNumber(page);
		Page<Institution> institutions = this.editing.search(q, PageRequest.of(number - 1, PAGE_SIZE, Sort.by("name")));
		model.addAttribute("institutions", institutions);
		model.addAttribute("q", q);
		model.addAttribute("pagination", Pagination.of(institutions, request));
		return "admin/catalogue/institutions";
	}

	@GetMapping("/admin/catalogue/institutions/new")
	String newForm(Model model) {
		InstitutionForm form = new InstitutionForm();
		form.setCurrency("EUR");
		model.addAttribute("form", form);
		return showForm(null, model);
	}

	@PostMapping("/admin/catalogue/institutions")
	String create(@Valid @ModelAttribute("form") InstitutionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		form.validateCodes(result, this.languages.offered());
		if (result.hasErrors()) {
			return showForm(null, model);
		}
		try {
			this.editing.create(form);
		}
		catch (InstitutionEditing.SlugTakenException ex) {
			result.rejectValue("slug", "institution.form.slug.taken");
			return showForm(null, model);
		}
		redirect.addFlashAttribute("saved", form.getName().strip());
		return "redirect:/admin/catalogue/institutions";
	}

	@GetMapping("/admin/catalogue/institutions/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Institution institution = find(id);
		model.addAttribute("form", InstitutionForm.of(institution));
		return showForm(institution, model);
	}

	@PostMapping("/admin/catalogue/institutions/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") InstitutionForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Institution institution = find(id);
		form.validateCodes(result, this.languages.offered());
		if (result.hasErrors()) {
			return showForm(institution, model);
		}
		try {
			this.editing.update(id, form);
		}
		catch (InstitutionEditing.SlugTakenException ex) {
			result.rejectValue("slug", "institution.form.slug.taken");
			return showForm(institution, model);
		}
		catch (InstitutionEditing.StaleInstitutionException ex) {
			return conflict(id, ex.saved(), form, model, response);
		}
		catch (OptimisticLockingFailureException ex) {
			return conflict(id, InstitutionForm.of(find(id)), form, model, response);
		}
		redirect.addFlashAttribute("saved", form.getName().strip());
		return "redirect:/admin/catalogue/institutions";
	}

	private String conflict(long id, InstitutionForm saved, InstitutionForm yours, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		List<ConflictView.Row> rows = new ArrayList<>();
		rows.add(new ConflictView.Row("institution.form.slug", saved.getSlug(), yours.getSlug()));
		rows.add(new ConflictView.Row("institution.form.name", saved.getName(), yours.getName()));
		rows.add(new ConflictView.Row("institution.form.short-name", saved.getShortName(), yours.getShortName()));
		rows.add(new ConflictView.Row("institution.form.country", saved.getCountryCode(), yours.getCountryCode()));
		rows.add(new ConflictView.Row("institution.form.city", saved.getCity(), yours.getCity()));
		rows.add(new ConflictView.Row("institution.form.campuses", saved.getCampuses(), yours.getCampuses()));
		rows.add(new ConflictView.Row("institution.form.awarding-body", saved.getAwardingBody(),
				yours.getAwardingBody()));
		rows.add(new ConflictView.Row("institution.form.regulator-note", saved.getRegulatorNote(),
				yours.getRegulatorNote()));
		rows.add(new ConflictView.Row("institution.form.website", saved.getWebsite(), yours.getWebsite()));
		rows.add(new ConflictView.Row("institution.form.zone", saved.getTimeZone(), yours.getTimeZone()));
		rows.add(new ConflictView.Row("institution.form.currency", saved.getCurrency(), yours.getCurrency()));
		model.addAttribute("conflict",
				new ConflictView(saved.getName(), rows, "/admin/catalogue/institutions/" + id + "/edit"));
		return ConflictView.VIEW;
	}

	private String showForm(@Nullable Institution institution, Model model) {
		model.addAttribute("institution", institution);
		// The languages its texts may be translated into: every other the portal offers
		// than the main one it is written in (a new one's as chosen on the form).
		String main = (institution != null) ? institution.getMainLanguage()
				: ((InstitutionForm) model.getAttribute("form")).getMainLanguage();
		model.addAttribute("translationLanguages",
				this.languages.offered()
					.stream()
					.filter((language) -> !language.toLanguageTag().equals(main))
					.toList());
		model.addAttribute("zones", InstitutionForm.sortedZones());
		model.addAttribute("languages", this.languages.offered());
		model.addAttribute("retentionFields", InstitutionForm.RETENTION_FIELDS);
		return "admin/catalogue/institution-form";
	}

	private Institution find(long id) {
		return this.editing.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

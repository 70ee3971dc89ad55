package org.prospectus.programme.years;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.prospectus.course.Season;
import org.prospectus.programme.PlanCategory;
import org.prospectus.programme.TuitionPeriod;
import org.prospectus.programme.YearFields;
import org.prospectus.staging.InvalidRevisionException;
import org.prospectus.staging.ScheduleForm;
import org.prospectus.staging.StaleRevisionException;
import org.prospectus.web.ConflictView;
import org.prospectus.web.FormFields;
import org.prospectus.web.Languages;

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
 * Editors' pages for a programme's years of entry: the list, preparing next year, a
 * year's review page (its values and pending changes, publish, discard, schedule) and its
 * form.
 */
@Controller
class AdminProgrammeYearController {

	private final ProgrammeYears years;

	private final Languages languages;

	AdminProgrammeYearController(ProgrammeYears years, Languages languages) {
		this.languages = languages;
		this.years = years;
	}

	@InitBinder("form")
	void allowOnlyFormFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(YearForm.class));
		binder.setAutoGrowCollectionLimit(YearFields.MAX_PLAN_ENTRIES + YearFields.BLANK_PLAN_ROWS);
	}

	@InitBinder("scheduleForm")
	void allowOnlyScheduleFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(ScheduleForm.class));
	}

	@GetMapping("/admin/catalogue/programmes/{id}/years")
	String list(@PathVariable long id, Model model) {
		model.addAttribute("overview", this.years.overview(id));
		return "admin/catalogue/programme-years";
	}

	@PostMapping("/admin/catalogue/programmes/{id}/years")
	String prepareNext(@PathVariable long id, RedirectAttributes redirect) {
		int year = this.years.prepareNext(id);
		redirect.addFlashAttribute("saved", "admin.year.prepared");
		redirect.addFlashAttribute("savedTitle", year);
		return "redirect:" + url(id, year);
	}

	@GetMapping("/admin/catalogue/programmes/{id}/years/{year}")
	String review(@PathVariable long id, @PathVariable int year, Model model) {
		model.addAttribute("scheduleForm", new ScheduleForm());
		return showReview(this.years.draft(id, year), model);
	}

	private String showReview(ProgrammeYears.Draft draft, Model model) {
		model.addAttribute("draft", draft);
		model.addAttribute("programme", draft.year().getProgramme());
		return "admin/catalogue/programme-year";
	}

	@GetMapping("/admin/catalogue/programmes/{id}/years/{year}/edit")
	String edit(@PathVariable long id, @PathVariable int year, Model model) {
		ProgrammeYears.Draft draft = this.years.draft(id, year);
		draft.form().withBlankPlanRows();
		model.addAttribute("form", draft.form());
		return showForm(draft, model);
	}

	@PostMapping("/admin/catalogue/programmes/{id}/years/{year}")
	String save(@PathVariable long id, @PathVariable int year, @ModelAttribute("form") YearForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			if (!this.years.save(id, year, form, result)) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				form.withBlankPlanRows();
				return showForm(this.years.draft(id, year), model);
			}
		}
		catch (StaleRevisionException | OptimisticLockingFailureException ex) {
			return conflict(id, year, form, response, model);
		}
		redirect.addFlashAttribute("saved", "admin.year.staged");
		redirect.addFlashAttribute("savedTitle", year);
		return "redirect:" + url(id, year);
	}

	@PostMapping("/admin/catalogue/programmes/{id}/years/{year}/publish")
	String publish(@PathVariable long id, @PathVariable int year, @RequestParam long version,
			@RequestParam(required = false) Long revision, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			this.years.publish(id, year, version, revision);
		}
		catch (StaleRevisionException | OptimisticLockingFailureException ex) {
			return conflict(id, year, null, response, model);
		}
		catch (InvalidRevisionException ex) {
			ProgrammeYears.Draft draft = this.years.draft(id, year);
			model.addAttribute("form", draft.form());
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", ex.errors());
			model.addAttribute("publishRefused", true);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return showForm(draft, model);
		}
		redirect.addFlashAttribute("saved", "admin.year.published");
		redirect.addFlashAttribute("savedTitle", year);
		return "redirect:" + url(id, year);
	}

	@PostMapping("/admin/catalogue/programmes/{id}/years/{year}/discard")
	String discard(@PathVariable long id, @PathVariable int year, @RequestParam(required = false) Long revision,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.years.discard(id, year, revision);
		}
		catch (StaleRevisionException ex) {
			return conflict(id, year, null, response, model);
		}
		redirect.addFlashAttribute("saved", "admin.year.discarded");
		redirect.addFlashAttribute("savedTitle", year);
		return "redirect:" + url(id, year);
	}

	@PostMapping("/admin/catalogue/programmes/{id}/years/{year}/schedule")
	String schedule(@PathVariable long id, @PathVariable int year, @ModelAttribute("scheduleForm") ScheduleForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (!this.years.schedule(id, year, form, result)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("scheduleRefused", true);
			return showReview(this.years.draft(id, year), model);
		}
		redirect.addFlashAttribute("saved", "admin.year.scheduled");
		redirect.addFlashAttribute("savedTitle", year);
		return "redirect:" + url(id, year);
	}

	@PostMapping("/admin/catalogue/programmes/{id}/years/{year}/unschedule")
	String unschedule(@PathVariable long id, @PathVariable int year, RedirectAttributes redirect) {
		if (this.years.unschedule(id, year)) {
			redirect.addFlashAttribute("saved", "admin.year.unscheduled");
			redirect.addFlashAttribute("savedTitle", year);
		}
		return "redirect:" + url(id, year);
	}

	private String conflict(long id, int year, @Nullable YearForm yours, HttpServletResponse response, Model model) {
		ProgrammeYears.Draft draft = this.years.draft(id, year);
		Map<String, String> typed = (yours != null) ? yours.describe() : Map.of();
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("conflict", new ConflictView(draft.year().getProgramme().getTitle() + ", " + year,
				ConflictView.compare(draft.form().describe(), typed), url(id, year) + "/edit"));
		return ConflictView.VIEW;
	}

	private String showForm(ProgrammeYears.Draft draft, Model model) {
		model.addAttribute("draft", draft);
		model.addAttribute("programme", draft.year().getProgramme());
		model.addAttribute("translationLanguages",
				this.languages.besides(draft.year().getProgramme().getInstitution().getMainLanguage()));
		model.addAttribute("tuitionPeriods", TuitionPeriod.values());
		model.addAttribute("seasons", Season.values());
		model.addAttribute("planCategories", PlanCategory.values());
		return "admin/catalogue/programme-year-form";
	}

	private static String url(long id, int year) {
		return "/admin/catalogue/programmes/" + id + "/years/" + year;
	}

}

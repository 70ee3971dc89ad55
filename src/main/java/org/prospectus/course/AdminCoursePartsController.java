package org.prospectus.course;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.staging.StaleRevisionException;
import org.prospectus.web.FormFields;
import org.prospectus.web.Languages;
import org.prospectus.web.NotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
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
 * Catalogue editors' pages for a course's syllabus versions and offerings: adding one
 * (held back from the public until the course is published) and editing one (saved as
 * pending changes).
 */
@Controller
class AdminCoursePartsController {

	private final SyllabusEditing syllabuses;

	private final OfferingEditing offerings;

	private final Clock clock;

	private final Languages languages;

	AdminCoursePartsController(SyllabusEditing syllabuses, OfferingEditing offerings, Clock clock,
			Languages languages) {
		this.syllabuses = syllabuses;
		this.offerings = offerings;
		this.clock = clock;
		this.languages = languages;
	}

	@InitBinder("syllabusForm")
	void allowOnlySyllabusFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(SyllabusForm.class));
		// Rows beyond these are ignored rather than grown without bound.
		binder.setAutoGrowCollectionLimit(
				Math.max(SyllabusForm.MAX_MODULES, SyllabusForm.MAX_PREREQUISITES) + SyllabusForm.BLANK_ROWS);
	}

	@InitBinder("offeringForm")
	void allowOnlyOfferingFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(OfferingForm.class));
		binder.setAutoGrowCollectionLimit(OfferingForm.MAX_PERIODS + OfferingForm.BLANK_ROWS);
	}

	@GetMapping("/admin/catalogue/courses/{courseId}/syllabuses/new")
	String newSyllabus(@PathVariable long courseId, Model model) {
		Course course = course(courseId);
		model.addAttribute("syllabusForm", this.syllabuses.newForm(course).withBlankRows());
		return showSyllabusForm(course, null, null, model);
	}

	@PostMapping("/admin/catalogue/courses/{courseId}/syllabuses")
	String createSyllabus(@PathVariable long courseId, @ModelAttribute("syllabusForm") SyllabusForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Course course = course(courseId);
		SyllabusContent content = this.syllabuses.check(course, null, form, result);
		if (result.hasErrors()) {
			form.withBlankRows();
			return showSyllabusForm(course, null, null, model);
		}
		this.syllabuses.create(courseId, content);
		redirect.addFlashAttribute("saved", "admin.courses.syllabus.created");
		redirect.addFlashAttribute("savedTitle", course.getCode());
		return "redirect:/admin/catalogue/courses/" + courseId;
	}

	@GetMapping("/admin/catalogue/courses/{courseId}/syllabuses/{id}/edit")
	String editSyllabus(@PathVariable long courseId, @PathVariable long id, Model model) {
		CourseEditing.Draft<Syllabus, SyllabusForm> draft = this.syllabuses.draft(courseId, id)
			.orElseThrow(() -> NotFoundException.forRecord("syllabus", id));
		model.addAttribute("syllabusForm", draft.form().withBlankRows());
		return showSyllabusForm(draft.record().getCourse(), draft.record(), draft.pending(), model);
	}

	@PostMapping("/admin/catalogue/courses/{courseId}/syllabuses/{id}")
	String saveSyllabus(@PathVariable long courseId, @PathVariable long id,
			@ModelAttribute("syllabusForm") SyllabusForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CourseEditing.Draft<Syllabus, SyllabusForm> draft = this.syllabuses.draft(courseId, id)
			.orElseThrow(() -> NotFoundException.forRecord("syllabus", id));
		Course course = draft.record().getCourse();
		this.syllabuses.check(course, id, form, result);
		if (result.hasErrors()) {
			form.withBlankRows();
			return showSyllabusForm(course, draft.record(), draft.pending(), model);
		}
		try {
			this.syllabuses.save(courseId, id, form);
		}
		catch (StaleRevisionException | OptimisticLockingFailureException ex) {
			CourseEditing.Draft<Syllabus, SyllabusForm> saved = this.syllabuses.draft(courseId, id).orElseThrow();
			return AdminCourseController.conflict(course, saved.form().describe(), form.describe(),
					"/admin/catalogue/courses/" + courseId + "/syllabuses/" + id + "/edit", model, response);
		}
		redirect.addFlashAttribute("saved", "admin.courses.staged");
		redirect.addFlashAttribute("savedTitle", course.getCode() + " " + course.getTitle());
		return "redirect:/admin/catalogue/courses/" + courseId + "/preview";
	}

	@GetMapping("/admin/catalogue/courses/{courseId}/offerings/new")
	String newOffering(@PathVariable long courseId, Model model) {
		Course course = this.offerings.course(courseId)
			.orElseThrow(() -> NotFoundException.forRecord("course", courseId));
		OfferingForm form = new OfferingForm();
		form.setPacePercent("100");
		form.setLanguage("en");
		model.addAttribute("offeringForm", form.withBlankRows());
		return showOfferingForm(course, null, null, model);
	}

	@PostMapping("/admin/catalogue/courses/{courseId}/offerings")
	String createOffering(@PathVariable long courseId, @ModelAttribute("offeringForm") OfferingForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Course course = this.offerings.course(courseId)
			.orElseThrow(() -> NotFoundException.forRecord("course", courseId));
		OfferingContent content = this.offerings.check(course, null, form, result);
		if (result.hasErrors()) {
			form.withBlankRows();
			return showOfferingForm(course, null, null, model);
		}
		this.offerings.create(courseId, content);
		redirect.addFlashAttribute("saved", "admin.courses.offering.created");
		redirect.addFlashAttribute("savedTitle", course.getCode());
		return "redirect:/admin/catalogue/courses/" + courseId;
	}

	@GetMapping("/admin/catalogue/courses/{courseId}/offerings/{id}/edit")
	String editOffering(@PathVariable long courseId, @PathVariable long id, Model model) {
		CourseEditing.Draft<CourseOffering, OfferingForm> draft = this.offerings.draft(courseId, id)
			.orElseThrow(() -> NotFoundException.forRecord("course-offering", id));
		model.addAttribute("offeringForm", draft.form().withBlankRows());
		return showOfferingForm(draft.record().getCourse(), draft.record(), draft.pending(), model);
	}

	@PostMapping("/admin/catalogue/courses/{courseId}/offerings/{id}")
	String saveOffering(@PathVariable long courseId, @PathVariable long id,
			@ModelAttribute("offeringForm") OfferingForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CourseEditing.Draft<CourseOffering, OfferingForm> draft = this.offerings.draft(courseId, id)
			.orElseThrow(() -> NotFoundException.forRecord("course-offering", id));
		Course course = draft.record().getCourse();
		this.offerings.check(course, id, form, result);
		if (result.hasErrors()) {
			form.withBlankRows();
			return showOfferingForm(course, draft.record(), draft.pending(), model);
		}
		try {
			this.offerings.save(courseId, id, form);
		}
		catch (StaleRevisionException | OptimisticLockingFailureException ex) {
			CourseEditing.Draft<CourseOffering, OfferingForm> saved = this.offerings.draft(courseId, id).orElseThrow();
			return AdminCourseController.conflict(course, saved.form().describe(), form.describe(),
					"/admin/catalogue/courses/" + courseId + "/offerings/" + id + "/edit", model, response);
		}
		redirect.addFlashAttribute("saved", "admin.courses.staged");
		redirect.addFlashAttribute("savedTitle", course.getCode() + " " + course.getTitle());
		return "redirect:/admin/catalogue/courses/" + courseId + "/preview";
	}

	private String showSyllabusForm(Course course, Syllabus syllabus, Object pending, Model model) {
		model.addAttribute("course", course);
		model.addAttribute("syllabus", syllabus);
		model.addAttribute("pending", pending);
		SyllabusForm form = (SyllabusForm) model.getAttribute("syllabusForm");
		model.addAttribute("terms", TermChoices.around(LocalDate.now(this.clock),
				Collections.singletonList((form != null) ? form.validFromTerm() : null)));
		model.addAttribute("gradingScales", GradingScale.values());
		model.addAttribute("moduleCredits", this.syllabuses.moduleCreditsFor(course));
		model.addAttribute("translationLanguages", translationLanguages(course));
		return "admin/catalogue/syllabus-form";
	}

	private String showOfferingForm(Course course, CourseOffering offering, Object pending, Model model) {
		model.addAttribute("course", course);
		model.addAttribute("offering", offering);
		model.addAttribute("pending", pending);
		OfferingForm form = (OfferingForm) model.getAttribute("offeringForm");
		model.addAttribute("terms",
				TermChoices.around(LocalDate.now(this.clock), (form != null) ? form.namedTerms() : List.of()));
		model.addAttribute("formsOfStudy", FormOfStudy.values());
		model.addAttribute("audiences", Audience.values());
		model.addAttribute("translationLanguages", translationLanguages(course));
		return "admin/catalogue/offering-form";
	}

	/**
	 * The languages a course's texts may be translated into: every other the portal
	 * offers.
	 */
	private List<Locale> translationLanguages(Course course) {
		return this.languages.offered()
			.stream()
			.filter((language) -> !language.toLanguageTag().equals(course.mainLanguage()))
			.toList();
	}

	private Course course(long courseId) {
		return this.syllabuses.course(courseId).orElseThrow(() -> NotFoundException.forRecord("course", courseId));
	}

}

package org.prospectus.course;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.staging.PublicationState;
import org.prospectus.staging.ScheduleForm;
import org.prospectus.staging.StaleRevisionException;
import org.prospectus.web.ConflictView;
import org.prospectus.web.FormFields;
import org.prospectus.web.Languages;
import org.prospectus.web.NotFoundException;
import org.prospectus.web.Pagination;

import org.springframework.context.MessageSource;
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
 * Catalogue editors' pages for courses: the list, creating a draft, the course's staff
 * page, editing its own fields (saved as pending changes), the preview of the public page
 * with everything unpublished, publishing, discarding and retiring.
 */
@Controller
class AdminCourseController {

	static final int PAGE_SIZE = 20;

	/**
	 * The course form's fields; a new course's form also names its institution and code.
	 */
	private final CoursePublishing publishing;

	private final CourseEditing editing;

	private final MessageSource messages;

	private final Languages languages;

	AdminCourseController(CoursePublishing publishing, CourseEditing editing, MessageSource messages,
			Languages languages) {
		this.languages = languages;
		this.publishing = publishing;
		this.editing = editing;
		this.messages = messages;
	}

	@InitBinder("form")
	void allowOnlyFormFields(WebDataBinder binder) {
		// The edit form has no institution or code property, so those two bind only on a
		// new course.
		binder.setAllowedFields(FormFields.of(NewCourseForm.class));
	}

	@GetMapping("/admin/catalogue/courses")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "1") String page, Model model, HttpServletRequest request) {
		PublicationState filter = PublicationState.parseOrNull(state);
		Page<Course> results = this.publishing.search(q, filter,
				PageRequest.of(Pagination.pageNumber(page) - 1, PAGE_SIZE, Sort.by("code")));
		model.addAttribute("courses", results);
		model.addAttribute("pendingIds", this.publishing.pendingAmong(results.getContent()));
		model.addAttribute("q", q);
		model.addAttribute("state", filter);
		model.addAttribute("states", PublicationState.values());
		model.addAttribute("pagination", Pagination.of(results, request));
		return "admin/catalogue/courses";
	}

	@GetMapping("/admin/catalogue/courses/new")
	String newForm(Model model) {
		NewCourseForm form = new NewCourseForm();
		form.setCreditSystem(CreditSystem.ECTS.name());
		model.addAttribute("form", form);
		return showForm(null, model);
	}

	@PostMapping("/admin/catalogue/courses")
	String create(@ModelAttribute("form") NewCourseForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		form.checkIdentity(result);
		if (form.institutionId() != null
				&& this.editing.institutions().stream().noneMatch((i) -> i.getId().equals(form.institutionId()))) {
			// Not one the editor may choose: another institution's, or none at all.
			result.rejectValue("institution", "check.choose");
		}
		CourseContent content = this.editing.check(form, result);
		if (result.hasErrors()) {
			return showForm(null, model);
		}
		long id;
		try {
			id = this.editing.create(form, content);
		}
		catch (CourseEditing.CodeTakenException ex) {
			result.rejectValue("code", "course.form.code.taken");
			return showForm(null, model);
		}
		redirect.addFlashAttribute("saved", "admin.courses.created");
		redirect.addFlashAttribute("savedTitle", form.normalizedCode() + " " + content.title());
		return "redirect:/admin/catalogue/courses/" + id;
	}

	/**
	 * The course's staff page: its fields, versions and offerings, and what is
	 * unpublished.
	 */
	@GetMapping("/admin/catalogue/courses/{id}")
	String show(@PathVariable long id, Model model) {
		CoursePublishing.StaffView view = this.publishing.staffView(id)
			.orElseThrow(() -> NotFoundException.forRecord("course", id));
		model.addAttribute("view", view);
		model.addAttribute("course", view.course());
		return "admin/catalogue/course";
	}

	@GetMapping("/admin/catalogue/courses/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		CourseEditing.Draft<Course, CourseForm> draft = this.editing.draft(id)
			.orElseThrow(() -> NotFoundException.forRecord("course", id));
		model.addAttribute("form", draft.form());
		model.addAttribute("pending", draft.pending());
		return showForm(draft.record(), model);
	}

	@PostMapping("/admin/catalogue/courses/{id}")
	String save(@PathVariable long id, @ModelAttribute("form") CourseForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Course course = find(id);
		this.editing.check(form, result);
		if (result.hasErrors()) {
			model.addAttribute("pending", this.editing.pending(id).orElse(null));
			return showForm(course, model);
		}
		try {
			this.editing.save(id, form);
		}
		catch (StaleRevisionException | OptimisticLockingFailureException ex) {
			CourseEditing.Draft<Course, CourseForm> draft = this.editing.draft(id).orElseThrow();
			return conflict(course, draft.form().describe(), form.describe(),
					"/admin/catalogue/courses/" + id + "/edit", model, response);
		}
		redirect.addFlashAttribute("saved", "admin.courses.staged");
		redirect.addFlashAttribute("savedTitle", course.getCode() + " " + form.getTitle().strip());
		return "redirect:/admin/catalogue/courses/" + id + "/preview";
	}

	/**
	 * The real public page with every unpublished change of the course laid over it,
	 * whatever the course's state, and the staff's actions on top.
	 */
	@GetMapping("/admin/catalogue/courses/{id}/preview")
	String preview(@PathVariable long id, Model model) {
		model.addAttribute("scheduleForm", new ScheduleForm());
		return showPreview(id, model);
	}

	private String showPreview(long id, Model model) {
		CoursePublishing.Preview preview = this.publishing.preview(id)
			.orElseThrow(() -> NotFoundException.forRecord("course", id));
		model.addAttribute("page", preview.page());
		model.addAttribute("course", preview.page().course());
		model.addAttribute("preview", true);
		model.addAttribute("changes", preview.changes());
		model.addAttribute("schedule", this.publishing.scheduleOf(id).orElse(null));
		model.addAttribute("pendingChanges", this.publishing.pendingChanges(id));
		return "courses/show";
	}

	@InitBinder("scheduleForm")
	void allowOnlyScheduleFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(ScheduleForm.class));
	}

	/**
	 * Schedules the course, with its versions and offerings, to be published as the
	 * preview shows it then; a refused time comes back beside the field on the preview.
	 */
	@PostMapping("/admin/catalogue/courses/{id}/schedule")
	String schedule(@PathVariable long id, @ModelAttribute("scheduleForm") ScheduleForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Course course = find(id);
		if (!this.publishing.schedule(id, form, result)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("scheduleRefused", true);
			return showPreview(id, model);
		}
		redirect.addFlashAttribute("saved", "admin.course.scheduled");
		redirect.addFlashAttribute("savedTitle", course.getCode() + " " + course.getTitle());
		return "redirect:/admin/catalogue/courses/" + id + "/preview";
	}

	@PostMapping("/admin/catalogue/courses/{id}/unschedule")
	String unschedule(@PathVariable long id, RedirectAttributes redirect) {
		Course course = find(id);
		if (this.publishing.unschedule(id)) {
			redirect.addFlashAttribute("saved", "admin.course.unscheduled");
			redirect.addFlashAttribute("savedTitle", course.getCode() + " " + course.getTitle());
		}
		return "redirect:/admin/catalogue/courses/" + id + "/preview";
	}

	@PostMapping("/admin/catalogue/courses/{id}/publish")
	String publish(@PathVariable long id, @RequestParam long version,
			@RequestParam(name = "seen", required = false) List<String> seen, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		Course course = find(id);
		try {
			this.publishing.publish(id, version, tokens(seen));
		}
		catch (StaleRevisionException | OptimisticLockingFailureException ex) {
			return stateConflict(id, PublicationState.PUBLISHED, model, response);
		}
		catch (CoursePublishing.PartRefusedException ex) {
			List<String> problems = new ArrayList<>();
			ex.errors().getAllErrors().forEach((error) -> problems.add(this.messages.getMessage(error, locale)));
			model.addAttribute("refused", ex);
			model.addAttribute("problems", problems);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(id, model);
		}
		redirect.addFlashAttribute("saved", "admin.courses.published");
		redirect.addFlashAttribute("savedTitle", course.getCode() + " " + course.getTitle());
		return "redirect:/admin/catalogue/courses/" + id;
	}

	@PostMapping("/admin/catalogue/courses/{id}/discard")
	String discard(@PathVariable long id, @RequestParam(name = "seen", required = false) List<String> seen, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Course course = find(id);
		try {
			this.publishing.discard(id, tokens(seen));
		}
		catch (StaleRevisionException ex) {
			return stateConflict(id, course.getState(), model, response);
		}
		redirect.addFlashAttribute("saved", "admin.courses.discarded");
		redirect.addFlashAttribute("savedTitle", course.getCode() + " " + course.getTitle());
		return "redirect:/admin/catalogue/courses/" + id;
	}

	@PostMapping("/admin/catalogue/courses/{id}/retire")
	String retire(@PathVariable long id, @RequestParam long version, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Course course = find(id);
		try {
			this.publishing.retire(id, version);
		}
		catch (OptimisticLockingFailureException ex) {
			return stateConflict(id, PublicationState.RETIRED, model, response);
		}
		redirect.addFlashAttribute("saved", "admin.courses.retired");
		redirect.addFlashAttribute("savedTitle", course.getCode() + " " + course.getTitle());
		return "redirect:/admin/catalogue/courses/" + id;
	}

	/**
	 * The preview's hidden list of what it showed; a preview without changes sends none.
	 */
	private static Set<String> tokens(List<String> seen) {
		return (seen != null) ? new LinkedHashSet<>(seen) : Set.of();
	}

	private String stateConflict(long id, PublicationState wanted, Model model, HttpServletResponse response) {
		Course saved = find(id);
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("conflict",
				new ConflictView(saved.getCode() + " " + saved.getTitle(),
						List.of(new ConflictView.Row("programme.state", saved.getState().name(), wanted.name())),
						"/admin/catalogue/courses/" + id + "/preview"));
		return ConflictView.VIEW;
	}

	/** The 409 page: the saved values (pending changes if any) beside the ones typed. */
	static String conflict(Course course, Map<String, String> saved, Map<String, String> typed, String reopenUrl,
			Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("conflict", new ConflictView(course.getCode() + " " + course.getTitle(),
				ConflictView.compare(saved, typed), reopenUrl));
		return ConflictView.VIEW;
	}

	private String showForm(Course course, Model model) {
		model.addAttribute("course", course);
		if (course == null) {
			model.addAttribute("institutions", this.editing.institutions());
		}
		else {
			// The languages its texts may be translated into: every other the portal
			// offers.
			model.addAttribute("translationLanguages",
					this.languages.offered()
						.stream()
						.filter((language) -> !language.toLanguageTag().equals(course.mainLanguage()))
						.toList());
		}
		model.addAttribute("creditSystems", CreditSystem.values());
		model.addAttribute("cycles", EducationCycle.values());
		model.addAttribute("gradingScales", GradingScale.values());
		return "admin/catalogue/course-form";
	}

	private Course find(long id) {
		return this.publishing.find(id).orElseThrow(() -> NotFoundException.forRecord("course", id));
	}

}

package org.prospectus.site;

import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.intake.RoundService;
import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammeDocuments;
import org.prospectus.programme.ProgrammeEditing;
import org.prospectus.programme.ProgrammePage;
import org.prospectus.programme.ProgrammePublishing;
import org.prospectus.staging.ScheduleForm;
import org.prospectus.web.FormFields;
import org.prospectus.web.NotFoundException;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editor's preview: the real public programme page, rounds included, with the pending
 * changes laid over it whatever the programme's state, and the staff's actions on top.
 * The editing services check the editor's role.
 */
@Controller
class AdminProgrammePreviewController {

	private final ProgrammeEditing editing;

	private final ProgrammeDocuments documents;

	private final RoundService rounds;

	private final ProgrammePublishing publishing;

	AdminProgrammePreviewController(ProgrammeEditing editing, ProgrammeDocuments documents, RoundService rounds,
			ProgrammePublishing publishing) {
		this.publishing = publishing;
		this.editing = editing;
		this.documents = documents;
		this.rounds = rounds;
	}

	@InitBinder("scheduleForm")
	void allowOnlyScheduleFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(ScheduleForm.class));
	}

	@GetMapping("/admin/catalogue/programmes/{id}/preview")
	String preview(@PathVariable long id, Model model) {
		model.addAttribute("scheduleForm", new ScheduleForm());
		return showPreview(id, model);
	}

	/**
	 * Schedules the programme to be published, as the preview shows it then, at a time
	 * typed in its institution's zone; a refused time comes back beside the field on the
	 * preview.
	 */
	@PostMapping("/admin/catalogue/programmes/{id}/schedule")
	String schedule(@PathVariable long id, @ModelAttribute("scheduleForm") ScheduleForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (!this.publishing.schedule(id, form, result)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("scheduleRefused", true);
			return showPreview(id, model);
		}
		redirect.addFlashAttribute("saved", "admin.programme.scheduled");
		redirect.addFlashAttribute("savedTitle", this.publishing.find(id).map(Programme::getTitle).orElse(""));
		return "redirect:/admin/catalogue/programmes/" + id + "/preview";
	}

	@PostMapping("/admin/catalogue/programmes/{id}/unschedule")
	String unschedule(@PathVariable long id, RedirectAttributes redirect) {
		if (this.publishing.unschedule(id)) {
			redirect.addFlashAttribute("saved", "admin.programme.unscheduled");
			redirect.addFlashAttribute("savedTitle", this.publishing.find(id).map(Programme::getTitle).orElse(""));
		}
		return "redirect:/admin/catalogue/programmes/" + id + "/preview";
	}

	private String showPreview(long id, Model model) {
		ProgrammePage page = this.editing.previewPage(id)
			.orElseThrow(() -> NotFoundException.forRecord("programme", id));
		model.addAttribute("page", page);
		model.addAttribute("programme", page.programme());
		ProgrammePageController.addRounds(model, this.rounds.roundsForPreview(page.programme()));
		model.addAttribute("preview", true);
		model.addAttribute("pending", this.editing.pending(id).orElse(null));
		model.addAttribute("pendingChanges", this.editing.pendingChanges(id));
		model.addAttribute("pendingDocument", this.documents.pending(id).orElse(null));
		model.addAttribute("schedule", this.publishing.scheduleOf(id).orElse(null));
		return "programmes/show";
	}

}

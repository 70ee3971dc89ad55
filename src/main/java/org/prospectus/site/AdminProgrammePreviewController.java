package org.prospectus.site;

import org.prospectus.intake.RoundService;
import org.prospectus.programme.ProgrammeDocuments;
import org.prospectus.programme.ProgrammeEditing;
import org.prospectus.programme.ProgrammePage;
import org.prospectus.web.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

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

	AdminProgrammePreviewController(ProgrammeEditing editing, ProgrammeDocuments documents, RoundService rounds) {
		this.editing = editing;
		this.documents = documents;
		this.rounds = rounds;
	}

	@GetMapping("/admin/catalogue/programmes/{id}/preview")
	String preview(@PathVariable long id, Model model) {
		ProgrammePage page = this.editing.previewPage(id)
			.orElseThrow(() -> NotFoundException.forRecord("programme", id));
		model.addAttribute("page", page);
		model.addAttribute("programme", page.programme());
		ProgrammePageController.addRounds(model, this.rounds.roundsForPreview(page.programme()));
		model.addAttribute("preview", true);
		model.addAttribute("pending", this.editing.pending(id).orElse(null));
		model.addAttribute("pendingChanges", this.editing.pendingChanges(id));
		model.addAttribute("pendingDocument", this.documents.pending(id).orElse(null));
		return "programmes/show";
	}

}

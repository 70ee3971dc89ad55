package org.prospectus.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.prospectus.applications.ApplicationStatus;
import org.prospectus.decisions.StatusMoves;
import org.prospectus.web.FormFields;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Bulk status changes: the queue posts the ticked rows or the whole view to a preview,
 * which lists exactly which applications would change and which cannot and why; its
 * confirmation carries each application's version, so one changed by someone else in
 * between is reported, not overwritten. The outcome is shown at once rather than after a
 * redirect: posting the confirmation again changes nothing, since every version it
 * carries is spent.
 */
@Controller
class AdminBulkController {

	static final int REASON_LENGTH = 1000;

	private final BulkStatusChange bulk;

	private final ReviewQueue queue;

	AdminBulkController(BulkStatusChange bulk, ReviewQueue queue) {
		this.bulk = bulk;
		this.queue = queue;
	}

	@InitBinder("bulk")
	void allowBulkFields(WebDataBinder binder) {
		// The page sends the ticked ids and their versions as repeated parameters, never
		// numbered, so the numbered forms of those lists (ids[*], versions[*]) that
		// FormFields also lists stay out: a request cannot grow the lists by index.
		binder.setAllowedFields(Arrays.stream(FormFields.of(BulkForm.class))
			.filter((field) -> !field.endsWith("[*]"))
			.toArray(String[]::new));
	}

	@PostMapping("/admin/applications/bulk")
	String preview(@ModelAttribute("bulk") BulkForm form, Model model) {
		List<DefaultMessageSourceResolvable> errors = errors(form);
		QueueFilter filter = QueueFilter.fromQuery(form.getView());
		Map<Long, String> titles = programmeTitles();
		if (errors.isEmpty() && !form.isWholeView() && form.selectedIds().isEmpty()) {
			errors.add(new DefaultMessageSourceResolvable("review.bulk.error.none"));
		}
		BulkStatusChange.Preview preview = null;
		if (errors.isEmpty()) {
			StatusMoves.Move change = change(form);
			preview = form.isWholeView() ? this.bulk.preview(change, filter)
					: this.bulk.preview(change, form.selectedIds());
			if (preview.tooMany()) {
				errors.add(new DefaultMessageSourceResolvable(new String[] { "review.bulk.error.too-many" },
						new Object[] { BulkStatusChange.LIMIT }));
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("preview", preview);
		model.addAttribute("target", form.targetStatus());
		model.addAttribute("programme", (form.programmeId() != null) ? titles.get(form.programmeId()) : null);
		model.addAttribute("back", AdminQueueController.link("/admin/applications", filter.toQuery()));
		return "admin/applications/bulk-preview";
	}

	@PostMapping("/admin/applications/bulk/confirm")
	String confirm(@ModelAttribute("bulk") BulkForm form, Model model) {
		List<DefaultMessageSourceResolvable> errors = errors(form);
		QueueFilter filter = QueueFilter.fromQuery(form.getView());
		Map<UUID, Long> versions = form.previewedVersions();
		if (errors.isEmpty() && versions.isEmpty()) {
			errors.add(new DefaultMessageSourceResolvable("review.bulk.error.none"));
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			model.addAttribute("preview", null);
			model.addAttribute("target", form.targetStatus());
			model.addAttribute("programme", null);
			model.addAttribute("back", AdminQueueController.link("/admin/applications", filter.toQuery()));
			return "admin/applications/bulk-preview";
		}
		model.addAttribute("outcome", this.bulk.apply(change(form), versions));
		model.addAttribute("target", form.targetStatus());
		model.addAttribute("back", AdminQueueController.link("/admin/applications", filter.toQuery()));
		return "admin/applications/bulk-result";
	}

	private static List<DefaultMessageSourceResolvable> errors(BulkForm form) {
		List<DefaultMessageSourceResolvable> errors = new ArrayList<>();
		if (form.targetStatus() == null) {
			errors.add(new DefaultMessageSourceResolvable("review.bulk.error.target"));
		}
		if (form.reasonText() != null && form.reasonText().length() > REASON_LENGTH) {
			errors.add(new DefaultMessageSourceResolvable("review.bulk.error.reason-length"));
		}
		return errors;
	}

	private static StatusMoves.Move change(BulkForm form) {
		ApplicationStatus target = form.targetStatus();
		return new StatusMoves.Move(target, target.needsProgramme() ? form.programmeId() : null, form.reasonText());
	}

	private Map<Long, String> programmeTitles() {
		Map<Long, String> titles = new LinkedHashMap<>();
		this.queue.options()
			.programmes()
			.forEach((p) -> titles.put(p.id(), p.title() + ", " + p.institution() + " (" + p.code() + ")"));
		return titles;
	}

}

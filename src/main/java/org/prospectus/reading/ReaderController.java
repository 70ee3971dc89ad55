package org.prospectus.reading;

import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import org.springframework.validation.MapBindingResult;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.applications.ApplicationDocuments.DocumentTarget;
import org.prospectus.applications.Step;
import org.prospectus.support.Countries;
import org.prospectus.web.ConflictView;
import org.prospectus.web.FormFields;
import org.prospectus.web.NotFoundException;

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
 * A reader's pages: their desk (what they still have to read, oldest first), one read
 * with the application beside the rubric, kept as a draft or submitted, a conflict of
 * interest declared, and the application's documents.
 */
@Controller
class ReaderController {

	private final ReaderDesk desk;

	private final Clock clock;

	ReaderController(ReaderDesk desk, Clock clock) {
		this.desk = desk;
		this.clock = clock;
	}

	@InitBinder("readForm")
	void readFields(WebDataBinder binder) {
		binder.setAllowedFields(FormFields.of(ReadForm.class));
	}

	@GetMapping("/admin/reads")
	String desk(Model model) {
		model.addAttribute("desk", this.desk.desk());
		return "reading/desk";
	}

	@GetMapping("/admin/reads/{id}")
	String read(@PathVariable long id, Model model) {
		ReaderDesk.ReadPage page = this.desk.page(id);
		return show(page, ReadForm.of(page.read()), model);
	}

	@PostMapping("/admin/reads/{id}")
	String save(@PathVariable long id, @ModelAttribute("readForm") ReadForm form, BindingResult errors,
			@RequestParam(name = "action", defaultValue = "draft") String action, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		boolean submit = "submit".equals(action);
		boolean saved;
		try {
			saved = this.desk.save(id, form, submit, errors);
		}
		catch (OptimisticLockingFailureException ex) {
			return conflict(id, form, model, response);
		}
		if (!saved) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(this.desk.page(id), form, model);
		}
		redirect.addFlashAttribute("done", submit ? "reading.read.submitted" : "reading.read.drafted");
		return submit ? "redirect:/admin/reads" : "redirect:/admin/reads/" + id;
	}

	@PostMapping("/admin/reads/{id}/conflict")
	String conflictOfInterest(@PathVariable long id, @RequestParam(name = "version", defaultValue = "-1") long version,
			@RequestParam(name = "reason", required = false) String reason, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		ReaderDesk.ReadPage page = this.desk.page(id);
		BindingResult errors = new MapBindingResult(new HashMap<>(), "conflictForm");
		boolean done;
		try {
			done = this.desk.conflict(id, version, reason, errors);
		}
		catch (OptimisticLockingFailureException ex) {
			return conflict(id, ReadForm.of(page.read()), model, response);
		}
		if (!done) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("conflictErrors", errors);
			model.addAttribute("typedReason", reason);
			return show(page, ReadForm.of(page.read()), model);
		}
		redirect.addFlashAttribute("done", "reading.conflict.done");
		return "redirect:/admin/reads";
	}

	@GetMapping("/admin/reads/{id}/documents/{documentId}")
	void document(@PathVariable long id, @PathVariable String documentId,
			@RequestParam(required = false) String download, HttpServletResponse response) {
		UUID document;
		try {
			document = UUID.fromString(documentId);
		}
		catch (IllegalArgumentException ex) {
			throw NotFoundException.forMissing("document");
		}
		boolean attachment = download != null;
		boolean found = this.desk.open(id, document, attachment, DocumentTarget.toStaff(response, attachment));
		if (!found) {
			throw NotFoundException.forMissing("document");
		}
	}

	@GetMapping("/admin/reads/{id}/references/{position}")
	void referenceDocument(@PathVariable long id, @PathVariable int position, HttpServletResponse response)
			throws IOException {
		var letter = this.desk.referenceDocument(id, position)
			.orElseThrow(() -> NotFoundException.forMissing("document"));
		DocumentTarget.toStaff(response, "application/pdf", letter.content().length, letter.name(), false)
			.write(letter.content());
	}

	private String show(ReaderDesk.ReadPage page, ReadForm form, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("readForm", form);
		model.addAttribute("app", page.application());
		model.addAttribute("a", page.answers());
		model.addAttribute("context", page.context());
		model.addAttribute("feeStatus", page.application().getFeeStatus());
		model.addAttribute("staffView", true);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("countryNames", Countries.NAMES);
		model.addAttribute("steps", Arrays.stream(Step.values()).filter(Step::isForm).toList());
		return "reading/read";
	}

	private String conflict(long id, ReadForm yours, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		ReaderDesk.ReadPage page = this.desk.page(id);
		ReadForm saved = ReadForm.of(page.read());
		List<ConflictView.Row> rows = List.of(
				new ConflictView.Row("reading.read.scores", scores(page, saved.getScores()),
						scores(page, yours.getScores())),
				new ConflictView.Row("reading.read.comment", saved.getComment(), yours.getComment()));
		model.addAttribute("conflict", new ConflictView(page.application().getReference(), rows, "/admin/reads/" + id));
		return ConflictView.VIEW;
	}

	private static String scores(ReaderDesk.ReadPage page, Map<String, String> scores) {
		return page.plan()
			.getCriteria()
			.stream()
			.map((c) -> c.getName() + ": " + scores.getOrDefault(String.valueOf(c.getId()), "–"))
			.collect(Collectors.joining("; "));
	}

}

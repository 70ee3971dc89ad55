package org.prospectus.intake;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.web.ConflictView;
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

/** Catalogue editors' list and edit pages for application rounds. */
@Controller
class AdminRoundController {

	static final int PAGE_SIZE = 20;

	private final RoundEditing editing;

	private final Clock clock;

	AdminRoundController(RoundEditing editing, Clock clock) {
		this.editing = editing;
		this.clock = clock;
	}

	@InitBinder("form")
	void allowOnlyFormFields(WebDataBinder binder) {
		binder.setAllowedFields("version", "name", "opens", "deadline", "documentsDeadline", "feeDeadline",
				"notification", "studiesStart", "studiesStartMonthOnly", "choiceLimit");
	}

	@GetMapping("/admin/catalogue/rounds")
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") String page, Model model,
			HttpServletRequest request) {
		int number = Pagination.pageNumber(page);
		Page<ApplicationRound> rounds = this.editing.search(q,
				PageRequest.of(number - 1, PAGE_SIZE, Sort.by(Sort.Direction.DESC, "deadlineAt")));
		model.addAttribute("rounds", rounds);
		model.addAttribute("q", q);
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("pagination", Pagination.of(rounds, request));
		return "admin/catalogue/rounds";
	}

	@GetMapping("/admin/catalogue/rounds/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		ApplicationRound round = find(id);
		model.addAttribute("form", RoundForm.of(round));
		return showForm(round, model);
	}

	@PostMapping("/admin/catalogue/rounds/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") RoundForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ApplicationRound round = find(id);
		RoundSchedule schedule = form.toSchedule(round.getZone(), result);
		if (result.hasErrors()) {
			return showForm(round, model);
		}
		try {
			this.editing.update(id, form.getVersion(), form.getName(), schedule, form.limit());
		}
		catch (RoundConflictException ex) {
			return conflict(round, ex.saved(), form, response, model);
		}
		catch (OptimisticLockingFailureException ex) {
			// Someone saved between our check and our write.
			return conflict(round, RoundForm.of(find(id)), form, response, model);
		}
		redirect.addFlashAttribute("saved", form.getName().strip());
		return "redirect:/admin/catalogue/rounds";
	}

	private String conflict(ApplicationRound round, RoundForm saved, RoundForm yours, HttpServletResponse response,
			Model model) {
		response.setStatus(HttpStatus.CONFLICT.value());
		List<ConflictView.Row> rows = List.of(new ConflictView.Row("round.form.name", saved.getName(), yours.getName()),
				new ConflictView.Row("round.milestone.OPENS", saved.getOpens(), yours.getOpens()),
				new ConflictView.Row("round.milestone.DEADLINE", saved.getDeadline(), yours.getDeadline()),
				new ConflictView.Row("round.milestone.DOCUMENTS_DEADLINE", saved.getDocumentsDeadline(),
						yours.getDocumentsDeadline()),
				new ConflictView.Row("round.milestone.FEE_DEADLINE", saved.getFeeDeadline(), yours.getFeeDeadline()),
				new ConflictView.Row("round.milestone.NOTIFICATION", saved.getNotification(), yours.getNotification()),
				new ConflictView.Row("round.milestone.STUDIES_START", saved.getStudiesStart(), yours.getStudiesStart()),
				new ConflictView.Row("round.form.choice-limit.label", saved.getChoiceLimit(), yours.getChoiceLimit()));
		model.addAttribute("conflict",
				new ConflictView(round.getName(), rows, "/admin/catalogue/rounds/" + round.getId() + "/edit"));
		return ConflictView.VIEW;
	}

	private String showForm(ApplicationRound round, Model model) {
		model.addAttribute("round", round);
		return "admin/catalogue/round-edit";
	}

	private ApplicationRound find(long id) {
		return this.editing.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}

package org.prospectus.catalogue;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.intake.ProgrammeRounds;
import org.prospectus.intake.RoundService;
import org.prospectus.web.ConflictView;
import org.prospectus.web.Pagination;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Catalogue editors' programme list, preview, publishing and retiring. */
@Controller
class AdminProgrammeController {

	static final int PAGE_SIZE = 20;

	private final ProgrammePublishing publishing;

	private final ProgrammeService programmes;

	private final RoundService rounds;

	AdminProgrammeController(ProgrammePublishing publishing, ProgrammeService programmes, RoundService rounds) {
		this.publishing = publishing;
		this.programmes = programmes;
		this.rounds = rounds;
	}

	@GetMapping("/admin/catalogue/programmes")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "1") String page, Model model, HttpServletRequest request) {
		PublicationState filter = parseState(state);
		Page<Programme> results = this.publishing.search(q, filter,
				PageRequest.of(Pagination.pageNumber(page) - 1, PAGE_SIZE, Sort.by("title")));
		model.addAttribute("programmes", results);
		model.addAttribute("q", q);
		model.addAttribute("state", filter);
		model.addAttribute("states", PublicationState.values());
		model.addAttribute("pagination", Pagination.of(results, request));
		return "admin/catalogue/programmes";
	}

	/**
	 * The real public page, whatever the programme's state, with the staff's actions on
	 * top.
	 */
	@GetMapping("/admin/catalogue/programmes/{id}/preview")
	String preview(@PathVariable long id, Model model) {
		ProgrammePage page = this.programmes.findPageForPreview(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		ProgrammeRounds rounds = this.rounds.roundsFor(page.programme());
		model.addAttribute("page", page);
		model.addAttribute("programme", page.programme());
		model.addAttribute("round", rounds.current());
		model.addAttribute("earlierRounds", rounds.earlier());
		model.addAttribute("preview", true);
		return "programmes/show";
	}

	@PostMapping("/admin/catalogue/programmes/{id}/publish")
	String publish(@PathVariable long id, @RequestParam long version, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return change(id, version, true, model, redirect, response);
	}

	@PostMapping("/admin/catalogue/programmes/{id}/retire")
	String retire(@PathVariable long id, @RequestParam long version, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return change(id, version, false, model, redirect, response);
	}

	private String change(long id, long version, boolean publish, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Programme programme = this.publishing.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		PublicationState wanted = publish ? PublicationState.PUBLISHED : PublicationState.RETIRED;
		try {
			if (publish) {
				this.publishing.publish(id, version);
			}
			else {
				this.publishing.retire(id, version);
			}
		}
		catch (StaleProgrammeException | OptimisticLockingFailureException ex) {
			Programme saved = this.publishing.find(id).orElseThrow();
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("conflict",
					new ConflictView(saved.getTitle(),
							List.of(new ConflictView.Row("programme.state", saved.getState().name(), wanted.name())),
							"/admin/catalogue/programmes/" + id + "/preview"));
			return ConflictView.VIEW;
		}
		redirect.addFlashAttribute("saved", publish ? "admin.programmes.published" : "admin.programmes.retired");
		redirect.addFlashAttribute("savedTitle", programme.getTitle());
		return "redirect:/admin/catalogue/programmes";
	}

	private static PublicationState parseState(String state) {
		try {
			return (state == null || state.isBlank()) ? null
					: PublicationState.valueOf(state.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}

package org.prospectus.review;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.prospectus.decisions.AdmissionsReach;
import org.prospectus.decisions.ApplicationReview;
import org.prospectus.decisions.ApplicationReview.Grant;
import org.prospectus.applications.ApplicationService;
import org.prospectus.support.Emails;
import org.prospectus.web.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Late applications by exception: the round's coordinating officers let one applicant
 * submit, or send documents, after the deadline until a date and time in the
 * institution's zone, with a reason, and see every exception the round has. Another
 * institution's round, a joint round's partner included, answers 404.
 */
@Controller
class AdminExceptionsController {

	static final String PATH = "/admin/applications/exceptions";

	private final ReviewQueue queue;

	private final ApplicationReview review;

	private final AdmissionsReach reach;

	AdminExceptionsController(ReviewQueue queue, ApplicationReview review, AdmissionsReach reach) {
		this.queue = queue;
		this.review = review;
		this.reach = reach;
	}

	@GetMapping(PATH)
	String page(@RequestParam(required = false) String round, Model model) {
		return show(round(round), Map.of(), Map.of(), model);
	}

	@PostMapping(PATH)
	String grant(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		QueueOptions.Round round = round(form.getFirst("round"));
		Map<String, String> typed = new LinkedHashMap<>();
		for (String field : List.of("email", "kind", "until", "reason")) {
			String value = form.getFirst(field);
			typed.put(field, (value != null) ? value.strip() : "");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String email = Emails.canonical(typed.get("email"));
		if (email.length() > 254 || email.indexOf('@') <= 0 || email.indexOf('@') == email.length() - 1) {
			errors.put("email", "review.exceptions.email.invalid");
		}
		String kind = typed.get("kind");
		if (!ApplicationService.SUBMIT_EXCEPTION.equals(kind) && !ApplicationService.DOCUMENTS_EXCEPTION.equals(kind)) {
			errors.put("kind", "review.exceptions.kind.choose");
		}
		Instant until = null;
		try {
			until = LocalDateTime.parse(typed.get("until")).atZone(round.zone()).toInstant();
		}
		catch (DateTimeException ex) {
			errors.put("until", "review.exceptions.until.invalid");
		}
		if (typed.get("reason").isEmpty()) {
			errors.put("reason", "review.exceptions.reason.required");
		}
		else if (typed.get("reason").length() > 1000) {
			errors.put("reason", "review.exceptions.reason.too-long");
		}
		if (errors.isEmpty()) {
			Grant grant = this.review.grantException(round.id(), typed.get("email"), kind, until, typed.get("reason"));
			switch (grant) {
				case DONE -> {
					redirect.addFlashAttribute("done", "review.exceptions.done");
					return "redirect:" + PATH + "?round=" + round.id();
				}
				case NOT_LATER -> errors.put("until", "review.exceptions.until.not-later");
				case NOT_YOURS -> errors.put("kind", "review.exceptions.not-yours");
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return show(round, typed, errors, model);
	}

	private String show(QueueOptions.Round round, Map<String, String> typed, Map<String, String> errors, Model model) {
		model.addAttribute("round", round);
		model.addAttribute("rounds", coordinated());
		model.addAttribute("exceptions", this.review.exceptions(round.id()));
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		return "admin/applications/exceptions";
	}

	/**
	 * The rounds the officer's institution runs: a partner in a joint round does not see
	 * who else was let in late, or why.
	 */
	private List<QueueOptions.Round> coordinated() {
		AdmissionsReach.Reach reach = this.reach.current();
		return this.queue.options()
			.rounds()
			.stream()
			.filter((r) -> reach.everywhere() || reach.coordinated().contains(r.id()))
			.toList();
	}

	/** The round named, or the newest the officer runs; not found without one. */
	private QueueOptions.Round round(@Nullable String round) {
		List<QueueOptions.Round> rounds = coordinated();
		return rounds.stream()
			.filter((r) -> Long.toString(r.id()).equals((round != null) ? round.strip() : null))
			.findFirst()
			.or(() -> (round == null || round.isBlank()) ? rounds.stream().findFirst() : Optional.empty())
			.orElseThrow(() -> NotFoundException.forMissing("round"));
	}

}

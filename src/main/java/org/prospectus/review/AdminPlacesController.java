package org.prospectus.review;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.prospectus.decisions.AdmissionsReach;
import org.prospectus.decisions.Places;
import org.prospectus.decisions.Places.Change;
import org.prospectus.decisions.Promotions;
import org.prospectus.decisions.Promotions.Promotion;
import org.prospectus.web.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One programme in one round, for the admissions officers of the institution that gives
 * it: offers made, accepted and declined, places left, and the reserve list, with the
 * number of places, the list's order and, where staff confirm promotions, the next
 * promotion. The round's coordinator also sets whether freed places are filled at once.
 * Another institution's programme answers 404.
 */
@Controller
class AdminPlacesController {

	static final String PATH = "/admin/applications/dashboard/programme";

	private final ReviewQueue queue;

	private final Places places;

	private final Promotions promotions;

	private final AdmissionsReach reach;

	private final JdbcClient jdbc;

	AdminPlacesController(ReviewQueue queue, Places places, Promotions promotions, AdmissionsReach reach,
			JdbcClient jdbc) {
		this.queue = queue;
		this.places = places;
		this.promotions = promotions;
		this.reach = reach;
		this.jdbc = jdbc;
	}

	@GetMapping(PATH)
	String page(@RequestParam(required = false) String round, @RequestParam(required = false) String programme,
			Model model) {
		return show(target(round, programme), null, null, model);
	}

	@PostMapping(PATH + "/places")
	String setPlaces(@RequestParam(required = false) String round, @RequestParam(required = false) String programme,
			@RequestParam(required = false) String shown, @RequestParam(required = false) String places, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Target target = target(round, programme);
		String typed = (places != null) ? places.strip() : "";
		Integer number = null;
		if (!typed.isEmpty()) {
			try {
				number = Integer.valueOf(typed);
			}
			catch (NumberFormatException ex) {
				number = -1;
			}
			if (number < 0 || number > 100_000) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return show(target, typed, "review.places.places.invalid", model);
			}
		}
		Change change = this.places.setPlaces(target.round().id(), target.programme().id(), parse(shown), number);
		return finish(change, target, "review.places.places.done", redirect, response, model);
	}

	@PostMapping(PATH + "/promotion")
	String setPromotion(@RequestParam(required = false) String round, @RequestParam(required = false) String programme,
			@RequestParam(required = false) String shown, @RequestParam(required = false) String automatic, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Target target = target(round, programme);
		if (!"true".equals(automatic) && !"false".equals(automatic)) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(target, null, "review.places.promotion.choose", model);
		}
		Change change = this.places.setPromotion(target.round().id(), "true".equals(shown), "true".equals(automatic));
		return finish(change, target, "review.places.promotion.done", redirect, response, model);
	}

	@PostMapping(PATH + "/reserve")
	String move(@RequestParam(required = false) String round, @RequestParam(required = false) String programme,
			@RequestParam(required = false) String application, @RequestParam(required = false) String direction,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Target target = target(round, programme);
		UUID id;
		try {
			id = UUID.fromString((application != null) ? application : "");
		}
		catch (IllegalArgumentException ex) {
			throw NotFoundException.forMissing("application");
		}
		Change change = this.places.move(target.round().id(), target.programme().id(), id, "up".equals(direction));
		return finish(change, target, "review.places.reserve.done", redirect, response, model);
	}

	/**
	 * Orders the reserve list by review score, if it is still the list the page showed
	 * ({@code shown}: its applications in order).
	 */
	@PostMapping(PATH + "/reserve/score")
	String rankByScore(@RequestParam(required = false) String round, @RequestParam(required = false) String programme,
			@RequestParam(required = false) @Nullable List<String> shown, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Target target = target(round, programme);
		List<UUID> order = new ArrayList<>();
		for (String id : (shown != null) ? shown : List.<String>of()) {
			try {
				order.add(UUID.fromString(id));
			}
			catch (IllegalArgumentException ex) {
				// Not a list the page showed: stale, like one changed since.
				order.clear();
				order.add(new UUID(0, 0));
				break;
			}
		}
		Change change = this.places.rankByScore(target.round().id(), target.programme().id(), order);
		return finish(change, target, "review.places.reserve.scored", redirect, response, model);
	}

	@PostMapping(PATH + "/promote")
	String promote(@RequestParam(required = false) String round, @RequestParam(required = false) String programme,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Target target = target(round, programme);
		Promotion promotion = this.promotions.confirmNext(target.round().id(), target.programme().id());
		if (promotion == Promotion.DONE) {
			redirect.addFlashAttribute("done", "review.places.promote.done");
			return redirectTo(target);
		}
		response.setStatus(HttpStatus.CONFLICT.value());
		return show(target, null, "review.places.promote." + promotion.name(), model);
	}

	private String finish(Change change, Target target, String doneKey, RedirectAttributes redirect,
			HttpServletResponse response, Model model) {
		if (change == Change.DONE) {
			redirect.addFlashAttribute("done", doneKey);
			return redirectTo(target);
		}
		response.setStatus(
				(change == Change.STALE) ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
		return show(target, null, "review.places.change." + change.name(), model);
	}

	private static String redirectTo(Target target) {
		return "redirect:" + PATH + "?round=" + target.round().id() + "&programme=" + target.programme().id();
	}

	private String show(Target target, @Nullable String typedPlaces, @Nullable String error, Model model) {
		Places.Summary summary = this.places.summary(target.round().id(), target.programme().id());
		model.addAttribute("round", target.round());
		model.addAttribute("programme", target.programme());
		model.addAttribute("summary", summary);
		model.addAttribute("reserve", this.places.reserve(target.round().id(), target.programme().id()));
		model.addAttribute("typedPlaces",
				(typedPlaces != null) ? typedPlaces : (summary.places() != null) ? summary.places().toString() : "");
		model.addAttribute("error", error);
		model.addAttribute("coordinates",
				this.reach.current().everywhere() || this.reach.current().coordinated().contains(target.round().id()));
		return "admin/applications/programme";
	}

	/**
	 * The round and programme named, if the programme is in the round and the officer's
	 * institution gives it or runs the round; otherwise not found. What each may change
	 * is checked by the change.
	 */
	private Target target(@Nullable String round, @Nullable String programme) {
		Long roundId = id(round);
		Long programmeId = id(programme);
		QueueOptions options = this.queue.options();
		QueueOptions.Round foundRound = (roundId != null) ? options.roundsById().get(roundId) : null;
		QueueOptions.Programme foundProgramme = (programmeId != null) ? options.programmesById().get(programmeId)
				: null;
		boolean reaches = foundRound != null && (this.reach.offers(programmeId) || this.reach.current().everywhere()
				|| this.reach.current().coordinated().contains(roundId));
		if (foundRound == null || foundProgramme == null || !reaches || !this.jdbc.sql(
				"select exists (select 1 from intake_round_programmes_for_review where round_id = :round and programme_id = :p)")
			.param("round", roundId)
			.param("p", programmeId)
			.query(Boolean.class)
			.single()) {
			throw NotFoundException.forMissing("programme in round");
		}
		return new Target(foundRound, foundProgramme);
	}

	private static @Nullable Integer parse(@Nullable String value) {
		try {
			return (value != null && !value.isBlank()) ? Integer.valueOf(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Long id(@Nullable String value) {
		try {
			return (value != null && !value.isBlank()) ? Long.valueOf(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private record Target(QueueOptions.Round round, QueueOptions.Programme programme) {

	}

}

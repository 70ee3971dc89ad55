package org.prospectus.review;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.prospectus.applications.ApplicationStatus;
import org.prospectus.applications.FeeStatus;
import org.prospectus.support.Countries;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admissions queue. Its filters are a GET form, so the address is the view: it can be
 * bookmarked and shared, and the next page's link carries it with the cursor. A value
 * that does not parse is left out, as a hand-edited address may have it; only the score
 * band, which is typed, is answered with 422 and a message beside the field, the view
 * shown without it.
 */
@Controller
class AdminQueueController {

	/** The statuses a submitted application can have, in the order of the review. */
	static final Set<ApplicationStatus> LISTED_STATUSES = EnumSet.complementOf(EnumSet.of(ApplicationStatus.DRAFT));

	private static final List<Country> COUNTRIES = Countries.CITIZENSHIPS.stream()
		.map((pair) -> new Country(pair[0], pair[1]))
		.toList();

	private final ReviewQueue queue;

	private final Clock clock;

	AdminQueueController(ReviewQueue queue, Clock clock) {
		this.queue = queue;
		this.clock = clock;
	}

	@GetMapping("/admin/applications")
	String queue(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
		QueueFilter filter = QueueFilter.from(params);
		Map<String, String> bandErrors = QueueFilter.scoreBandErrors(params);
		if (!bandErrors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		String afterParameter = params.getFirst("after");
		QueueCursor after = QueueCursor.decode(afterParameter, filter.sort()).orElse(null);
		QueuePage page = this.queue.page(filter, after);
		QueueOptions options = this.queue.options();
		String query = filter.toQuery();
		model.addAttribute("filter", filter);
		model.addAttribute("bandErrors", bandErrors);
		model.addAttribute("typedScoreMin", typed(params.getFirst(QueueFilter.SCORE_MIN)));
		model.addAttribute("typedScoreMax", typed(params.getFirst(QueueFilter.SCORE_MAX)));
		model.addAttribute("page", page);
		model.addAttribute("rounds", options.rounds());
		model.addAttribute("programmes", options.programmes());
		model.addAttribute("roundsById", options.roundsById());
		model.addAttribute("programmesById", options.programmesById());
		model.addAttribute("statuses", LISTED_STATUSES);
		model.addAttribute("fees", FeeStatus.values());
		model.addAttribute("offerFilters", OfferFilter.values());
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("countries", COUNTRIES);
		model.addAttribute("sorts", QueueSort.values());
		model.addAttribute("targets", BulkStatusChange.TARGETS);
		model.addAttribute("bulkLimit", BulkStatusChange.LIMIT);
		model.addAttribute("view", query);
		model.addAttribute("badCursor", afterParameter != null && !afterParameter.isBlank() && after == null);
		model.addAttribute("firstPage", (after != null) ? link("/admin/applications", query) : null);
		model.addAttribute("nextPage", (page.next() != null)
				? link("/admin/applications", (query.isEmpty() ? "" : query + "&") + "after=" + page.next().encode())
				: null);
		model.addAttribute("exportLink", link("/admin/applications/export.csv", query));
		return "admin/applications/queue";
	}

	/** A field as typed, for the form to show again; a long one cut short. */
	private static String typed(String value) {
		String typed = (value != null) ? value.strip() : "";
		return (typed.length() > 20) ? typed.substring(0, 20) : typed;
	}

	static String link(String path, String query) {
		return query.isEmpty() ? path : path + "?" + query;
	}

	/** A country for the citizenship filter: its ISO code and English name. */
	record Country(String code, String name) {
	}

}

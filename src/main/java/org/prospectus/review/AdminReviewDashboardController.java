package org.prospectus.review;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Counts for one round: by first-choice programme and status, and submissions per day.
 * Without a round, the newest one.
 */
@Controller
class AdminReviewDashboardController {

	private final ReviewQueue queue;

	private final ReviewDashboard dashboard;

	AdminReviewDashboardController(ReviewQueue queue, ReviewDashboard dashboard) {
		this.queue = queue;
		this.dashboard = dashboard;
	}

	@GetMapping("/admin/applications/dashboard")
	String dashboard(@RequestParam(required = false) String round, Model model) {
		QueueOptions options = this.queue.options();
		List<QueueOptions.Round> rounds = options.rounds();
		QueueOptions.Round chosen = rounds.stream()
			.filter((r) -> Long.toString(r.id()).equals((round != null) ? round.strip() : null))
			.findFirst()
			.orElse(rounds.isEmpty() ? null : rounds.get(0));
		model.addAttribute("rounds", rounds);
		model.addAttribute("statuses", AdminQueueController.LISTED_STATUSES);
		model.addAttribute("tally", (chosen != null) ? this.dashboard.tally(chosen, options.programmesById()) : null);
		return "admin/applications/dashboard";
	}

}

package org.prospectus.intake;

import org.prospectus.web.PublicUrls;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DeadlinesController {

	private final RoundService rounds;

	private final PublicUrls urls;

	DeadlinesController(RoundService rounds, PublicUrls urls) {
		this.rounds = rounds;
		this.urls = urls;
	}

	@GetMapping("/deadlines")
	String deadlines(Model model) {
		model.addAttribute("rounds", this.rounds.openAndUpcoming());
		model.addAttribute("canonicalUrl", this.urls.of("/deadlines"));
		return "deadlines";
	}

}

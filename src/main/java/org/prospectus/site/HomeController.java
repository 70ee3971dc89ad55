package org.prospectus.site;

import org.prospectus.intake.RoundService;
import org.prospectus.search.ProgrammeSearch;
import org.prospectus.web.PublicUrls;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final RoundService rounds;

	private final ProgrammeSearch search;

	private final PublicUrls urls;

	HomeController(RoundService rounds, ProgrammeSearch search, PublicUrls urls) {
		this.rounds = rounds;
		this.search = search;
		this.urls = urls;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("rounds", this.rounds.openAndUpcoming());
		model.addAttribute("facets", this.search.facets());
		model.addAttribute("canonicalUrl", this.urls.of("/"));
		return "home";
	}

}

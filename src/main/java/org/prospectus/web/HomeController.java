package org.prospectus.web;

import org.prospectus.catalogue.ProgrammeSearch;
import org.prospectus.intake.RoundService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

	private final RoundService rounds;

	private final ProgrammeSearch search;

	HomeController(RoundService rounds, ProgrammeSearch search) {
		this.rounds = rounds;
		this.search = search;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("rounds", this.rounds.openAndUpcoming());
		model.addAttribute("facets", this.search.facets());
		return "home";
	}

}

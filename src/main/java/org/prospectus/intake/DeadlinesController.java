package org.prospectus.intake;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DeadlinesController {

	private final RoundService rounds;

	DeadlinesController(RoundService rounds) {
		this.rounds = rounds;
	}

	@GetMapping("/deadlines")
	String deadlines(Model model) {
		model.addAttribute("rounds", this.rounds.openAndUpcoming());
		return "deadlines";
	}

}

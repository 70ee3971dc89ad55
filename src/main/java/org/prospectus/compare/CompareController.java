package org.prospectus.compare;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class CompareController {

	private final CompareService comparisons;

	CompareController(CompareService comparisons) {
		this.comparisons = comparisons;
	}

	/**
	 * The shortlist is the query string and nothing else: no session, no cookie, so a
	 * comparison can be bookmarked and shared, and the page caches like any other.
	 */
	@GetMapping("/compare")
	String compare(@RequestParam(name = "p", required = false) List<String> slugs, Model model) {
		model.addAttribute("comparison", this.comparisons.compare(Shortlist.of(slugs)));
		return "compare";
	}

}

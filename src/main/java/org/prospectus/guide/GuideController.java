package org.prospectus.guide;

import org.prospectus.search.ProgrammeSearch;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class GuideController {

	private final GuideService guide;

	private final ProgrammeSearch search;

	GuideController(GuideService guide, ProgrammeSearch search) {
		this.guide = guide;
		this.search = search;
	}

	@GetMapping("/guide")
	String guide(Model model) {
		model.addAttribute("sections", this.guide.sections());
		return "guide";
	}

	/**
	 * A few questions as a plain GET form whose fields are the search's own filters, so
	 * that answering them is running the search: nothing is stored, and the result is a
	 * search page that can be refined and bookmarked.
	 */
	@GetMapping("/finder")
	String finder(Model model) {
		model.addAttribute("facets", this.search.facets());
		return "finder";
	}

}

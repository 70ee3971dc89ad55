package org.prospectus.search;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.prospectus.compare.Shortlist;
import org.prospectus.web.Pagination;
import org.prospectus.web.PublicUrls;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The public programme search: filters, facets, pages of results. */
@Controller
class ProgrammeSearchController {

	private final ProgrammeSearch search;

	private final PublicUrls urls;

	ProgrammeSearchController(ProgrammeSearch search, PublicUrls urls) {
		this.search = search;
		this.urls = urls;
	}

	/**
	 * The shortlist for the comparison, carried in {@code compare=} parameters so that
	 * "Add to comparison" links keep what was picked before.
	 */
	@ModelAttribute("shortlist")
	Shortlist shortlist(@RequestParam(name = "compare", required = false) List<String> compare) {
		return Shortlist.of(compare);
	}

	@GetMapping("/programmes")
	String search(@ModelAttribute("search") ProgrammeSearchForm form, Model model, HttpServletRequest request) {
		ProgrammeSearchCriteria criteria = form.toCriteria();
		Page<ProgrammeSummary> results = this.search.search(criteria, form.toPageable());
		if (criteria.topic() != null) {
			// A link may name a topic in another spelling than the filter's (a
			// programme's
			// own): the filter shows it chosen, so that searching again keeps it.
			form.setTopic(this.search.topicName(criteria.topic()));
		}
		model.addAttribute("criteria", criteria);
		model.addAttribute("budgetProblem", form.budgetProblem());
		model.addAttribute("results", results);
		model.addAttribute("pagination", Pagination.of(results, request));
		model.addAttribute("facets", this.search.facets());
		// Filtered, sorted and later pages are views of the one listing; the sitemap
		// names every programme page itself.
		model.addAttribute("canonicalUrl", this.urls.of("/programmes"));
		return "programmes/search";
	}

}

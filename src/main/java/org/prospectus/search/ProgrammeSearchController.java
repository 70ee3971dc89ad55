package org.prospectus.search;

import java.nio.charset.StandardCharsets;
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
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

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
		SearchResults found = this.search.find(criteria, form.amount(), form.toPageable());
		Page<ProgrammeSummary> results = found.results();
		if (criteria.topic() != null) {
			// A link may name a topic in another spelling than the filter's (a
			// programme's
			// own): the filter shows it chosen, so that searching again keeps it.
			form.setTopic(this.search.topicName(criteria.topic()));
		}
		Correction correction = found.correction();
		if (correction != null && !correction.applied()) {
			model.addAttribute("correctionUrl", withWords(request, correction.text()));
		}
		model.addAttribute("criteria", criteria);
		model.addAttribute("budgetProblem", form.budgetProblem());
		model.addAttribute("results", results);
		model.addAttribute("correction", correction);
		model.addAttribute("counts", found.counts());
		model.addAttribute("pagination", Pagination.of(results, request));
		model.addAttribute("facets", found.facets());
		// Filtered, sorted and later pages are views of the one listing; the sitemap
		// names every programme page itself.
		model.addAttribute("canonicalUrl", this.urls.of("/programmes"));
		return "programmes/search";
	}

	/**
	 * This search with other words, from its first page: every filter and the shortlist
	 * stay as they are.
	 */
	private static String withWords(HttpServletRequest request, String words) {
		return UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("q", UriUtils.encodeQueryParam(words, StandardCharsets.UTF_8))
			.replaceQueryParam("page")
			.build(true)
			.toUriString();
	}

}

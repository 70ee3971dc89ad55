package org.prospectus.compare;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.web.PublicUrls;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

@Controller
class CompareController {

	/**
	 * A comparison is the visitor's own pick, one of countless lists: no search engine
	 * should keep it (robots.txt keeps crawlers out as well, SiteIndexController).
	 */
	static final String NOINDEX = "noindex, nofollow";

	private final CompareService comparisons;

	private final PublicUrls urls;

	CompareController(CompareService comparisons, PublicUrls urls) {
		this.comparisons = comparisons;
		this.urls = urls;
	}

	/**
	 * The shortlist is the query string and nothing else: no session, no cookie, so a
	 * comparison can be bookmarked and shared, and the page caches like any other. An
	 * address that spells a shortlist otherwise than the links do (duplicates, blanks,
	 * capitals) is sent to that spelling for good; the canonical link names the same
	 * programmes in one order, whatever the order picked.
	 */
	@GetMapping("/compare")
	ModelAndView compare(@RequestParam(name = "p", required = false) List<String> slugs, HttpServletResponse response) {
		Shortlist shortlist = Shortlist.of(slugs);
		if (slugs != null && !slugs.equals(shortlist.slugs())) {
			RedirectView normal = new RedirectView(shortlist.compareUrl(), true);
			normal.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			normal.setExposeModelAttributes(false);
			return new ModelAndView(normal);
		}
		response.setHeader("X-Robots-Tag", NOINDEX);
		ModelAndView page = new ModelAndView("compare");
		page.addObject("comparison", this.comparisons.compare(shortlist));
		page.addObject("robots", NOINDEX);
		page.addObject("compareLimit", Shortlist.LIMIT);
		UriComponentsBuilder canonical = this.urls.at("/compare");
		shortlist.canonical().slugs().forEach((slug) -> canonical.queryParam("p", slug));
		page.addObject("canonicalUrl", canonical.encode().build().toUriString());
		return page;
	}

}

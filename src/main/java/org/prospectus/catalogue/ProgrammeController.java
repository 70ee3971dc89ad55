package org.prospectus.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.prospectus.intake.ProgrammeRounds;
import org.prospectus.intake.RoundService;
import jakarta.servlet.http.HttpServletRequest;
import org.prospectus.web.NotFoundException;
import org.prospectus.web.Pagination;
import org.prospectus.web.PublicUrls;

import org.springframework.data.domain.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ProgrammeController {

	private final ProgrammeService programmes;

	private final ProgrammeSearch search;

	private final RoundService rounds;

	private final StructuredData structuredData;

	private final PublicUrls urls;

	private final CareerService careers;

	ProgrammeController(ProgrammeService programmes, ProgrammeSearch search, RoundService rounds,
			StructuredData structuredData, PublicUrls urls, CareerService careers) {
		this.programmes = programmes;
		this.search = search;
		this.rounds = rounds;
		this.structuredData = structuredData;
		this.urls = urls;
		this.careers = careers;
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
		model.addAttribute("criteria", criteria);
		model.addAttribute("results", results);
		model.addAttribute("pagination", Pagination.of(results, request));
		model.addAttribute("facets", this.search.facets());
		// Filtered, sorted and later pages are views of the one listing; the sitemap
		// names every programme page itself.
		model.addAttribute("canonicalUrl", this.urls.of("/programmes"));
		return "programmes/search";
	}

	@GetMapping("/programmes/{slug}")
	String show(@PathVariable String slug, Model model) {
		ProgrammePage page = this.programmes.findPage(slug).orElseThrow(() -> NotFoundException.forProgramme(slug));
		model.addAttribute("page", page);
		model.addAttribute("programme", page.programme());
		ProgrammeRounds rounds = this.rounds.roundsFor(page.programme());
		model.addAttribute("round", rounds.current());
		model.addAttribute("otherRounds", rounds.alsoOpen());
		model.addAttribute("earlierRounds", rounds.earlier());
		model.addAttribute("canonicalUrl", this.urls.of("/programmes/{slug}", page.programme().getSlug()));
		if (page.programme().getState() == PublicationState.PUBLISHED) {
			model.addAttribute("structuredData", this.structuredData.programme(page, rounds.current()));
		}
		model.addAttribute("careers", this.careers.careersOf(page.programme()));
		return "programmes/show";
	}

	@GetMapping("/programmes/{slug}/course-description.pdf")
	ResponseEntity<byte[]> document(@PathVariable String slug) {
		ProgrammeService.DocumentDownload document = this.programmes.findDocument(slug)
			.orElseThrow(() -> NotFoundException.forDocument(slug));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic())
			.body(document.content());
	}

}

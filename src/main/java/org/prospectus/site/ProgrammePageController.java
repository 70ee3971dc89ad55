package org.prospectus.site;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.prospectus.compare.Shortlist;
import org.prospectus.intake.ProgrammeRounds;
import org.prospectus.intake.RoundService;
import org.prospectus.programme.Career;
import org.prospectus.programme.CareerService;
import org.prospectus.programme.ProgrammePage;
import org.prospectus.programme.ProgrammeService;
import org.prospectus.staging.PublicationState;
import org.prospectus.support.Countries;
import org.prospectus.web.NotFoundException;
import org.prospectus.web.MetaDescription;
import org.prospectus.web.PublicUrls;
import org.prospectus.web.TextLanguage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public programme page. It lives above the catalogue because it composes the
 * programme with its application rounds (intake), its careers and the comparison.
 */
@Controller
class ProgrammePageController {

	private static final Pattern YEAR = Pattern.compile("[12][0-9]{3}");

	private final ProgrammeService programmes;

	private final RoundService rounds;

	private final ProgrammeStructuredData structuredData;

	private final PublicUrls urls;

	private final CareerService careers;

	private final TextLanguage texts;

	ProgrammePageController(ProgrammeService programmes, RoundService rounds, ProgrammeStructuredData structuredData,
			PublicUrls urls, CareerService careers, TextLanguage texts) {
		this.texts = texts;
		this.programmes = programmes;
		this.rounds = rounds;
		this.structuredData = structuredData;
		this.urls = urls;
		this.careers = careers;
	}

	/** The shortlist the page's "Add to comparison" link carries on. */
	@ModelAttribute("shortlist")
	Shortlist shortlist(@RequestParam(name = "compare", required = false) List<String> compare) {
		return Shortlist.of(compare);
	}

	@GetMapping("/programmes/{slug}")
	String show(@PathVariable String slug, Model model) {
		ProgrammePage page = this.programmes.findPage(slug).orElseThrow(() -> NotFoundException.forProgramme(slug));
		return show(page, this.rounds.roundsFor(page.programme()),
				this.urls.of("/programmes/{slug}", page.programme().getSlug()), model);
	}

	/**
	 * Another published year of entry: next year's, or a past one, whose page says it is
	 * closed and links the current year. The current year's address is the programme's.
	 */
	@GetMapping("/programmes/{slug}/entry/{year}")
	String showYear(@PathVariable String slug, @PathVariable("year") String typed, Model model) {
		// A year has one spelling, its four digits: anything else is no page.
		if (!YEAR.matcher(typed).matches()) {
			throw NotFoundException.forProgramme(slug);
		}
		int year = Integer.parseInt(typed);
		Optional<ProgrammePage> found = this.programmes.findPage(slug, year);
		if (found.isEmpty()) {
			// The current year has the programme's own address.
			return this.programmes.findVisible(slug)
				.filter((programme) -> programme.getEntryYear() == year)
				.map((programme) -> "redirect:/programmes/" + programme.getSlug())
				.orElseThrow(() -> NotFoundException.forProgramme(slug));
		}
		ProgrammePage page = found.get();
		return show(page, this.rounds.roundsFor(page.programme(), year),
				this.urls.of("/programmes/{slug}/entry/{year}", page.programme().getSlug(), year), model);
	}

	private String show(ProgrammePage page, ProgrammeRounds rounds, String canonicalUrl, Model model) {
		model.addAttribute("page", page);
		model.addAttribute("programme", page.programme());
		addRounds(model, rounds);
		model.addAttribute("canonicalUrl", canonicalUrl);
		model.addAttribute("metaDescription", MetaDescription.of(this.texts.text(page.programme(), "summary")));
		if (page.programme().getState() == PublicationState.PUBLISHED) {
			model.addAttribute("structuredData", this.structuredData.programme(page, rounds));
		}
		List<Career> careers = this.careers.careersOf(page.programme());
		model.addAttribute("careers", careers);
		String country = page.programme().getInstitution().getCountryCode();
		model.addAttribute("careerPayAbroad", CareerService.payCountriesOtherThan(careers, country));
		model.addAttribute("institutionCountry", Countries.NAMES.getOrDefault(country, country));
		return "programmes/show";
	}

	/**
	 * The rounds as the programme page shows them, on the public page and the preview.
	 */
	static void addRounds(Model model, ProgrammeRounds rounds) {
		model.addAttribute("round", rounds.current());
		model.addAttribute("otherRounds", rounds.alsoOpen());
		model.addAttribute("earlierRounds", rounds.earlier());
	}

}

package org.prospectus.programme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import org.prospectus.programme.years.PublishedYears;
import org.prospectus.staging.PublishedEntry;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Programmes as the public sees them. */
@Service
@Transactional(readOnly = true)
@NamedInterface("api")
public class ProgrammeService {

	private final ProgrammeRepository programmes;

	private final TestimonialRepository testimonials;

	private final PlanEntryRepository plans;

	private final ProgrammeDocumentRepository documents;

	private final CareerService careers;

	private final PublishedYears years;

	private final EntityManager entityManager;

	ProgrammeService(ProgrammeRepository programmes, TestimonialRepository testimonials, PlanEntryRepository plans,
			ProgrammeDocumentRepository documents, CareerService careers, PublishedYears years,
			EntityManager entityManager) {
		this.years = years;
		this.entityManager = entityManager;
		this.programmes = programmes;
		this.testimonials = testimonials;
		this.plans = plans;
		this.documents = documents;
		this.careers = careers;
	}

	/**
	 * A programme's title in a language, published or not: its translation, else its
	 * title in the institution's main language.
	 */
	@Transactional(readOnly = true)
	public Optional<String> title(long id, Locale language) {
		return this.programmes.findById(id).map((programme) -> programme.textIn(language, "title"));
	}

	/**
	 * The published programmes among these slugs, each with its plan and careers, for a
	 * side-by-side comparison: three queries however many programmes. Slugs that name no
	 * published programme are left out; the order is the database's.
	 */
	public List<ProgrammeFacts> findPublishedForComparison(Collection<String> slugs) {
		if (slugs.isEmpty()) {
			return List.of();
		}
		List<Programme> found = this.programmes.findPublishedBySlugs(slugs);
		if (found.isEmpty()) {
			return List.of();
		}
		List<Long> ids = found.stream().map(Programme::getId).toList();
		Map<Long, List<PlanEntry>> plans = new HashMap<>();
		for (PlanEntry entry : this.plans.findPublicPlans(ids)) {
			plans.computeIfAbsent(entry.getProgramme().getId(), (id) -> new ArrayList<>()).add(entry);
		}
		Map<Long, List<Career>> careers = this.careers.careersOf(ids);
		return found.stream()
			.map((programme) -> new ProgrammeFacts(programme,
					PlanView.of(plans.getOrDefault(programme.getId(), List.of())),
					careers.getOrDefault(programme.getId(), List.of())))
			.toList();
	}

	public Optional<ProgrammePage> findPage(String slug) {
		return this.programmes.findVisibleBySlug(slug)
			.map((programme) -> new ProgrammePage(programme,
					this.testimonials.findByProgrammeOrderByPosition(programme),
					PlanView.of(this.plans.findPublicPlan(programme))));
	}

	/**
	 * The page of another published year of entry of a programme whose page is public:
	 * next year's, or a past one kept readable. The programme is detached and shows the
	 * year's requirements and fees; in as many statements as the current year's page.
	 */
	public Optional<ProgrammePage> findPage(String slug, int entryYear) {
		return this.years.find(slug, entryYear).map((year) -> {
			Programme programme = year.getProgramme();
			List<Testimonial> testimonials = this.testimonials.findByProgrammeOrderByPosition(programme);
			PlanView plan = PlanView.of(this.plans.findPublicPlan(programme, entryYear));
			int current = programme.getEntryYear();
			List<Integer> all = ProgrammePage.yearsOf(programme);
			this.entityManager.detach(programme);
			year.showOn(programme);
			return new ProgrammePage(programme, testimonials, plan, current, all);
		});
	}

	/**
	 * A programme whose page is public (published, or retired and kept for reference),
	 * with its institution and nothing else.
	 */
	public Optional<Programme> findVisible(String slug) {
		return this.programmes.findVisibleBySlug(slug);
	}

	/**
	 * Every published programme, by slug, for the sitemap: one query, read a thousand
	 * rows at a time and handed on as they come, so the sitemap of a large catalogue is
	 * never held in memory whole.
	 */
	public void eachPublishedEntry(Consumer<PublishedEntry> action) {
		try (Stream<PublishedEntry> entries = this.programmes.streamPublishedEntries()) {
			entries.forEach(action);
		}
	}

	/** The course description document of a visible programme. */
	public Optional<DocumentDownload> findDocument(String slug) {
		return this.programmes.findVisibleBySlug(slug)
			.filter(Programme::hasDocument)
			.flatMap((programme) -> this.documents.findById(programme.getId())
				.map((document) -> new DocumentDownload(programme.getDocumentFilename(), document.getContentType(),
						document.getContent())));
	}

	/**
	 * A document ready to send.
	 *
	 * @param filename the name to offer
	 * @param contentType its media type
	 * @param content its bytes
	 */
	public record DocumentDownload(String filename, String contentType, byte[] content) {

	}

}

package org.prospectus.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import org.prospectus.course.Audience;
import org.prospectus.course.Course;
import org.prospectus.course.CourseOffering;
import org.prospectus.course.CreditSystem;
import org.prospectus.course.FormOfStudy;
import org.prospectus.course.Season;
import org.prospectus.course.Syllabus;
import org.prospectus.course.Term;
import org.prospectus.guide.GuideEntry;
import org.prospectus.guide.GuideSection;
import org.prospectus.institution.Institution;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.intake.RoundSchedule;
import org.prospectus.programme.Career;
import org.prospectus.programme.PlanCategory;
import org.prospectus.programme.PlanEntry;
import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammeCareer;
import org.prospectus.programme.ProgrammeLevel;
import org.prospectus.programme.StudyMode;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Small builders for catalogue test data, each saved in its own transaction. Tests say
 * only what matters to them; everything else gets a plain default.
 */
public class CatalogueFixtures {

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	public CatalogueFixtures(EntityManager entityManager, TransactionTemplate transactions) {
		this.entityManager = entityManager;
		this.transactions = transactions;
	}

	public Institution institution(String slug, String zone) {
		return persist(() -> {
			Institution institution = new Institution(slug, "University " + slug, "SE", ZoneId.of(zone),
					Currency.getInstance("SEK"));
			institution.setCity("City of " + slug);
			return institution;
		});
	}

	public Programme programme(Institution institution, String slug, String title) {
		return programme(institution, slug, title, (programme) -> {
		});
	}

	/** A published master's programme; {@code customizer} may change anything first. */
	public Programme programme(Institution institution, String slug, String title, Consumer<Programme> customizer) {
		return persist(() -> {
			Programme programme = new Programme(this.entityManager.merge(institution), slug.toUpperCase(), slug, title);
			programme.setAward("Master of Science", ProgrammeLevel.MASTER, new BigDecimal("120"), CreditSystem.ECTS);
			programme.setStudyForm(24, 100, StudyMode.CAMPUS, "en");
			programme.setSummary("A programme about " + title + ".");
			programme.publish();
			customizer.accept(programme);
			return programme;
		});
	}

	public Course course(Institution institution, String code, String title, Consumer<Course> customizer) {
		return persist(() -> {
			Course course = new Course(this.entityManager.merge(institution), code, title, new BigDecimal("7.5"),
					CreditSystem.ECTS);
			course.publish();
			customizer.accept(course);
			return course;
		});
	}

	public Syllabus syllabus(Course course, Term validFrom, Consumer<Syllabus> customizer) {
		return persist(() -> {
			Syllabus syllabus = new Syllabus(this.entityManager.merge(course), validFrom);
			customizer.accept(syllabus);
			return syllabus;
		});
	}

	public CourseOffering offering(Course course, Term term, LocalDate start, LocalDate end, String applicationCode,
			Consumer<CourseOffering> customizer) {
		return persist(() -> {
			CourseOffering offering = new CourseOffering(this.entityManager.merge(course), term, start, end,
					applicationCode);
			offering.setStudyForm(100, "Campus", FormOfStudy.DAYTIME, "en");
			offering.setAdmission(null, Audience.ALL, null, List.of());
			customizer.accept(offering);
			return offering;
		});
	}

	/**
	 * A round with the given opening and deadline; later milestones follow a week apart.
	 */
	public ApplicationRound round(Institution institution, String slug, Instant opens, Instant deadline,
			Programme... programmes) {
		return persist(() -> {
			Instant documents = deadline.plusSeconds(7 * 86400);
			RoundSchedule schedule = new RoundSchedule(opens, deadline, documents, null,
					documents.plusSeconds(7 * 86400), documents.plusSeconds(60 * 86400), false);
			ApplicationRound round = new ApplicationRound(this.entityManager.merge(institution), slug, "Round " + slug,
					schedule);
			for (Programme programme : programmes) {
				round.admitTo(this.entityManager.merge(programme));
			}
			return round;
		});
	}

	public void persistPlanEntry(Programme programme, Course course, int year, Season term) {
		this.transactions.executeWithoutResult(
				(status) -> this.entityManager.persist(new PlanEntry(this.entityManager.merge(programme),
						this.entityManager.merge(course), year, term, PlanCategory.COMPULSORY)));
	}

	/** A career with a summary; {@code customizer} adds pay, outlook and the rest. */
	public Career career(String slug, String title, Consumer<Career> customizer) {
		return persist(() -> {
			Career career = new Career(slug, title, "What a " + title.toLowerCase() + " does.");
			customizer.accept(career);
			return career;
		});
	}

	/** Links programmes to a career, each at the given place in its list. */
	public void leadsTo(Career career, int position, Programme... programmes) {
		this.transactions.executeWithoutResult((status) -> {
			for (Programme programme : programmes) {
				this.entityManager.persist(new ProgrammeCareer(this.entityManager.merge(programme),
						this.entityManager.merge(career), position));
			}
		});
	}

	public GuideSection guideSection(String slug, String title, int position, Consumer<GuideSection> customizer) {
		return persist(() -> {
			GuideSection section = new GuideSection(slug, title, position);
			customizer.accept(section);
			return section;
		});
	}

	public GuideEntry guideEntry(GuideSection section, String slug, int position, String heading, String body,
			Consumer<GuideEntry> customizer) {
		return persist(() -> {
			GuideEntry entry = new GuideEntry(this.entityManager.merge(section), slug, position, heading, body);
			customizer.accept(entry);
			return entry;
		});
	}

	/**
	 * A published year of entry of a programme other than its current one, with its
	 * current year's requirements and fees.
	 */
	public void publishedYear(Programme programme, int entryYear) {
		inTransaction(() -> this.entityManager.createNativeQuery("""
				insert into programme_year (programme_id, entry_year, published, typical_offer, entry_requirements,
				    language_requirements, tuition_amount, tuition_currency, tuition_period, tuition_note)
				select id, ?1, true, typical_offer, entry_requirements, language_requirements, tuition_amount,
				    tuition_currency, tuition_period, tuition_note
				from programme where id = ?2""")
			.setParameter(1, entryYear)
			.setParameter(2, programme.getId())
			.executeUpdate());
	}

	/** A saved entity by its id, loaded in a transaction of its own. */
	public <T> T find(Class<T> type, long id) {
		return inTransaction(() -> this.entityManager.find(type, id));
	}

	public <T> T inTransaction(Supplier<T> work) {
		return this.transactions.execute((status) -> work.get());
	}

	private <T> T persist(Supplier<T> factory) {
		return this.transactions.execute((status) -> {
			T entity = factory.get();
			this.entityManager.persist(entity);
			return entity;
		});
	}

}

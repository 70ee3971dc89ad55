package org.prospectus.demo;

import java.util.List;

import jakarta.persistence.EntityManager;
import org.prospectus.guide.GuideEntry;
import org.prospectus.guide.GuideSection;
import org.prospectus.programme.Career;
import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammeCareer;
import org.prospectus.programme.SalaryKind;
import org.prospectus.support.Money;

/**
 * The demo's careers and guide. The facts (course names, the tuition range, the GRE and
 * GPA figures, the four roles with their pay and outlook) come from an independent US
 * guide to master's degrees in machine learning, updated in October 2023; every sentence
 * here is written for Prospectus. That guide does not say which survey its pay figures
 * come from, and the source notes say so rather than guess.
 */
final class DemoGuide {

	static final String SOURCE = "United States figures in US dollars, quoted by an independent US guide to "
			+ "master's degrees in machine learning whose page was updated in October 2023. The guide names neither "
			+ "the survey behind them nor the year they are for.";

	private static final String GUIDE_SOURCE = "An independent US guide to master's degrees in machine learning, "
			+ "updated October 2023. Figures are for the United States.";

	private final EntityManager entityManager;

	DemoGuide(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** Whether careers or the guide are already there, from an earlier start. */
	boolean isLoaded() {
		return this.entityManager.createQuery("select count(c) from Career c", Long.class).getSingleResult() > 0;
	}

	/** The four roles of the seed guide, each linked to the given programmes. */
	void loadCareers(List<Programme> programmes) {
		Career research = career(1, "research-scientist", "Research scientist", """
				Research scientists take questions no one has answered yet, design ways to answer them and try \
				their ideas out. In machine learning that means new methods and new uses for them, in industry \
				as well as at universities.""", "Master's degree");
		research.setSalary(Money.of("131490", "USD"), SalaryKind.MEDIAN, "US", null, SOURCE);
		research.setOutlook(21, "2021–2031");
		Career dataScientist = career(2, "data-scientist", "Data scientist", """
				Data scientists look for patterns in data that answer a question someone has, and explain what \
				they found to colleagues and decision makers. Machine learning lets them build models that go \
				further than statistics by hand.""", "Bachelor's degree");
		dataScientist.setSalary(Money.of("100910", "USD"), SalaryKind.MEDIAN, "US", null, SOURCE);
		dataScientist.setOutlook(36, "2021–2031");
		Career engineer = career(3, "machine-learning-engineer", "Machine learning engineer", """
				Machine learning engineers turn models into working software: they design and train models, test \
				and tune them so that they keep learning with little help, and explain to their team how the \
				system behaves.""", "Bachelor's degree");
		// The seed gives no projection for this role.
		engineer.setSalary(Money.of("114980", "USD"), SalaryKind.AVERAGE, "US", null, SOURCE);
		Career analyst = career(4, "business-intelligence-analyst", "Business intelligence analyst", """
				Business intelligence analysts gather and study an organisation's financial, market and internal \
				data with tools such as SQL, data mining and machine learning, and keep the databases, models and \
				spreadsheets that go with them.""", "Bachelor's degree");
		analyst.setSalary(Money.of("78860", "USD"), SalaryKind.AVERAGE, "US", null, SOURCE);
		analyst.setOutlook(11, "2021–2031");
		List<Career> careers = List.of(engineer, dataScientist, research, analyst);
		// A programme leads to the careers its own page names for its graduates, not to
		// every career of a guide written for another country.
		for (Programme programme : programmes) {
			int position = 1;
			for (Career career : careers) {
				if (programme.getCareerTitles()
					.stream()
					.anyMatch((title) -> title.equalsIgnoreCase(career.getTitle()))) {
					this.entityManager.persist(new ProgrammeCareer(programme, career, position++));
				}
			}
		}
	}

	private Career career(int position, String slug, String title, String summary, String education) {
		Career career = new Career(slug, title, summary);
		career.setRequiredEducation(education);
		career.setPosition(position);
		this.entityManager.persist(career);
		return career;
	}

	void loadGuide() {
		GuideSection courses = section(1, "typical-courses", "What a master's in machine learning covers", """
				Programmes take one to three years. In the United States that is usually about 30 credit hours; \
				in Europe a master's is typically 60 to 120 ECTS credits. Many end with a thesis or a capstone \
				project, and most let you specialise, for example in computer vision, data analytics or natural \
				language processing. These courses turn up in almost every programme:""", null);
		entry(courses, 1, "course-machine-learning", "Machine learning",
				"An introduction to the field: the main kinds of learning and how to put them to work on real data.");
		entry(courses, 2, "course-statistical-machine-learning", "Statistical machine learning",
				"Builds on the introduction with the statistics behind prediction: how accurate a model can be "
						+ "and what it costs in memory and computing time.");
		entry(courses, 3, "course-natural-language-processing", "Natural language processing",
				"How computers come to understand human language, and what neural networks and related models "
						+ "have changed there.");
		entry(courses, 4, "course-web-mining", "Web mining",
				"Collecting and analysing data from the web, often by building small web applications or by "
						+ "working with real data downloaded for the course.");
		entry(courses, 5, "course-statistical-methods", "Statistical methods",
				"The statistics most programmes require: the basic ideas, how data are collected and how to "
						+ "study relations between them.");

		GuideSection admission = section(2, "admission-requirements", "What you need to be admitted", """
				Each programme sets its own requirements and publishes them on its page. These are the ones you \
				meet most often.""", GUIDE_SOURCE);
		entry(admission, 1, "admission-degree", "A bachelor's degree",
				"Some programmes ask for a degree in computer science; many accept any bachelor's degree as long "
						+ "as you can show the skills below.");
		entry(admission, 2, "admission-skills", "Programming and mathematics",
				"Expect to need working knowledge of programming and of university mathematics, above all "
						+ "linear algebra, calculus and statistics.");
		entry(admission, 3, "admission-tests", "Grades and tests",
				"Some US universities ask for a GRE result and a grade point average of at least 3.0; admitted "
						+ "applicants there often have a GRE score of 320 or more. European universities more often "
						+ "set a minimum grade, such as a 2:1 in the UK, and an English test.");
		entry(admission, 4, "admission-application", "The application itself",
				"You usually apply online, pay an application fee unless you are exempt, and send official "
						+ "transcripts of your earlier studies before the documents deadline.");

		GuideSection costs = section(3, "costs", "What it costs", """
				Tuition depends on the university, the length of the programme, class sizes and, in many \
				countries, on your citizenship: some charge nothing to their own or to EU citizens. Each \
				programme page shows its fee in the currency it is charged in.""", GUIDE_SOURCE);
		GuideEntry tuition = entry(costs, 1, "cost-tuition", "Tuition for the whole programme",
				"The range quoted for US master's programmes in machine learning. We show it in US dollars as "
						+ "published and do not convert it.");
		tuition.setRange(Money.of("10000", "USD"), Money.of("80000", "USD"));
		entry(costs, 2, "cost-living", "Living costs",
				"Plan for rent, food, transport and books as well as tuition. They can cost as much as the "
						+ "tuition itself.");
		entry(costs, 3, "cost-funding", "Paying for it",
				"Scholarships, grants and loans can cover part of the cost. Apply to several: each has its own "
						+ "rules and deadlines.");

		GuideSection choosing = section(4, "how-to-choose", "How to choose", """
				Put two to four programmes side by side with Add to comparison, and weigh them on what matters \
				to you.""", null);
		entry(choosing, 1, "choose-accreditation", "Recognition",
				"Check that the university, and where it applies the programme, is accredited or recognised, so "
						+ "that employers and other universities accept the degree.");
		entry(choosing, 2, "choose-cost", "Cost after aid",
				"Compare what you would pay once scholarships and grants are taken off, and what any loan would "
						+ "cost you later.");
		entry(choosing, 3, "choose-mode", "Campus, online or both",
				"Online programmes often let you study when it suits you; campus programmes give you labs and "
						+ "people around you. Many offer a mix.");
		entry(choosing, 4, "choose-community", "Life outside the lectures",
				"Student associations, sport and events with local employers are where many students make "
						+ "friends and their first contacts.");
		entry(choosing, 5, "choose-outcomes", "What graduates earn and where they go",
				"Some programmes publish what their graduates earn and where they work. Compare those figures, "
						+ "and ask how they were collected.");
		entry(choosing, 6, "choose-alumni", "The alumni network",
				"Former students can open doors in particular industries and companies. Large, established "
						+ "universities often have the widest networks.");

		GuideSection questions = section(5, "questions", "Questions people ask", null, null);
		entry(questions, 1, "faq-can-i-study-machine-learning", "Can I do a master's in machine learning?",
				"Yes, with a bachelor's degree and the right grounding. If you lack programming, mathematics or "
						+ "statistics, take courses in them before you apply.");
		entry(questions, 2, "faq-machine-learning-or-ai",
				"How does a master's in machine learning differ from one " + "in artificial intelligence?",
				"A master's in AI covers the whole field broadly. A master's in machine learning goes deep into "
						+ "one part of it, learning from data, and makes it your specialism.");
		entry(questions, 3, "faq-bachelor-in-machine-learning", "Do I need a bachelor's in machine learning first?",
				"No. Neither a bachelor's in machine learning nor one in computer science is required everywhere, "
						+ "but you must be able to show that you can program and handle the mathematics.");
		entry(questions, 4, "faq-online", "Can I study for it online?",
				"Yes: many programmes are online or partly online. The subject suits it well, since you can try "
						+ "out a method as soon as you have learnt it. Filter the search by mode of study.");
		entry(questions, 5, "faq-worth-it", "Is it worth it?",
				"Only you can tell. A master's costs time and money; in return it opens work that is in demand "
						+ "and well paid. The careers page shows what the main roles pay.");
	}

	private GuideSection section(int position, String slug, String title, String intro, String source) {
		GuideSection section = new GuideSection(slug, title, position);
		section.setIntro(intro);
		section.setSource(source);
		this.entityManager.persist(section);
		return section;
	}

	private GuideEntry entry(GuideSection section, int position, String slug, String heading, String body) {
		GuideEntry entry = new GuideEntry(section, slug, position, heading, body);
		this.entityManager.persist(entry);
		return entry;
	}

}

package org.prospectus.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.prospectus.course.Audience;
import org.prospectus.course.Course;
import org.prospectus.course.CourseOffering;
import org.prospectus.course.CreditSystem;
import org.prospectus.course.EducationCycle;
import org.prospectus.course.FormOfStudy;
import org.prospectus.course.GradingScale;
import org.prospectus.course.Season;
import org.prospectus.course.Syllabus;
import org.prospectus.course.Term;
import org.prospectus.demo.DemoRoundCalendar.DemoRound;
import org.prospectus.institution.Institution;
import org.prospectus.intake.ApplicationRound;
import org.prospectus.intake.RoundReferencesChanged;
import org.prospectus.intake.RoundSchedule;
import org.prospectus.programme.PlanCategory;
import org.prospectus.programme.PlanEntry;
import org.prospectus.programme.Programme;
import org.prospectus.programme.ProgrammeDocument;
import org.prospectus.programme.ProgrammeLevel;
import org.prospectus.programme.StudyMode;
import org.prospectus.programme.Testimonial;
import org.prospectus.programme.TuitionPeriod;
import org.prospectus.support.Money;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo catalogue: KTH's MSc in Machine Learning and course DD2424 as published,
 * Southampton's MSc in Machine Learning, and invented programmes at two invented
 * institutions, so that search, filters, paging and the round states all have something
 * to show. It lives in test sources so that it can never reach the production jar.
 * <p>
 * Loading is idempotent: once KTH exists nothing is inserted again, but the rounds whose
 * dates depend on today are moved, so that a demo database kept across restarts always
 * has open, upcoming and closed rounds. All prose is written for the demo; facts about
 * KTH and Southampton come from their public pages, figures marked as demo are invented.
 */
@Component
public class DemoCatalogue {

	static final String KTH_CURRENT_ROUND = "kth-current-intake";

	static final String SOUTHAMPTON_CURRENT_ROUND = "southampton-current-intake";

	static final String SOUTHAMPTON_PROGRAMME = "southampton-msc-machine-learning";

	static final String KTH_PROGRAMME = "kth-msc-machine-learning";

	/**
	 * A joint round coordinated by KTH that admits to both machine learning masters, so
	 * that a person trying the demo can rank the two programmes in one application.
	 */
	static final String ML_JOINT_ROUND = "ml-masters-joint-intake";

	/**
	 * KTH's round whose results came out a week ago and whose offers are being answered:
	 * the demo's applications in every state after the decision are in it.
	 */
	static final String KTH_DECIDED_ROUND = "kth-decided-intake";

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	static final ZoneId TORONTO = ZoneId.of("America/Toronto");

	private static final String EECS = "School of Electrical Engineering and Computer Science";

	/** Shown on every KTH course whose syllabus text was written for the demo. */
	private static final String DEMO_SYLLABUS_NOTE = "Demo content: this syllabus text was written for the "
			+ "Prospectus demonstration and is not KTH's official syllabus.";

	/** The programmes DD2424's Spring 2026 offering is open to, as KTH lists them. */
	private static final List<String> DD2424_PROGRAMMES = List.of("CLGYM-TIKT", "CLGYM-TIDE", "TCSCM", "TCYSM", "TEBSM",
			"TIEMM", "TIVNM", "TMAIM", "TMEKM", "TSCRM", "TSEDM", "TBDVM");

	private final EntityManager entityManager;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	public DemoCatalogue(EntityManager entityManager, Clock clock, ApplicationEventPublisher events) {
		this.entityManager = entityManager;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Inserts the catalogue, or, when it is already there, moves the rounds that follow
	 * the clock.
	 */
	@Transactional
	public void load() {
		if (isLoaded()) {
			refreshMovingRounds();
			addJointRound(movingRounds());
			addDecidedRound(movingRounds());
			addFeeRules();
			addAdmissionsLists();
			addSwedishTexts();
			addKthSwedishInstitutionTexts();
			addSwedishCourseTexts();
			addReferences();
		}
		else {
			Map<String, DemoRound> moving = movingRounds();
			loadKth(moving);
			loadSouthampton(moving);
			loadNorthbridge(moving);
			loadLakeshore(moving);
			addJointRound(moving);
			addDecidedRound(moving);
			addAdmissionsLists();
			addSwedishTexts();
			addKthSwedishInstitutionTexts();
			addSwedishCourseTexts();
			addReferences();
		}
		loadCareersAndGuide();
	}

	/** "Autumn 2027" is "Hösten 2027"; the joint round's name likewise. */
	static String swedishRoundName(String name) {
		Matcher season = Pattern.compile("(Autumn|Spring) (\\d{4})").matcher(name);
		if (!season.find()) {
			return null;
		}
		String when = (season.group(1).equals("Autumn") ? "hösten " : "våren ") + season.group(2);
		if (name.startsWith("Machine learning masters")) {
			return "Masterprogram i maskininlärning: antagning " + when;
		}
		return Character.toUpperCase(when.charAt(0)) + when.substring(1);
	}

	/**
	 * KTH's own texts in Swedish, beside the English it writes them in (issue 29), also
	 * into a demo database created before institutions had translations: its full name,
	 * the awarding body and regulator note the programme page shows, the decision
	 * letters' closing and how to pay the application fee. Southampton stays in English
	 * only, to show the fallback.
	 */
	private void addKthSwedishInstitutionTexts() {
		Institution kth = this.entityManager
			.createQuery("select i from Institution i where i.slug = 'kth'", Institution.class)
			.getSingleResult();
		if (!kth.translations().isEmpty()) {
			return;
		}
		if (kth.getAwardingBody() == null) {
			kth.setAwardingBody("KTH Royal Institute of Technology");
		}
		if (kth.getRegulatorNote() == null) {
			kth.setRegulatorNote("In Sweden, the Swedish Higher Education Authority (UKÄ) reviews the quality of "
					+ "higher education, and the Swedish Council for Higher Education (UHR) sets the rules for "
					+ "admission.");
		}
		Map<String, String> sv = new LinkedHashMap<>();
		sv.put("name", "Kungliga Tekniska högskolan");
		sv.put("awardingBody", "Kungliga Tekniska högskolan");
		sv.put("regulatorNote", "I Sverige granskar Universitetskanslersämbetet (UKÄ) kvaliteten i den högre "
				+ "utbildningen, och Universitets- och högskolerådet (UHR) ger föreskrifter om antagning.");
		if (kth.getLetterClosing() != null) {
			sv.put("letterClosing", "Har du frågor om beslutet? Skriv till " + kth.getAdmissionsEmail()
					+ " och ange ditt referensnummer.");
		}
		if (kth.getPaymentInstructions() != null) {
			sv.put("paymentInstructions", """
					Betala anmälningsavgiften på 900 kronor med kort på antagningstjänstens betalsida, eller med \
					banköverföring till kontot som anges där, senast sista dag för dokument.
					Ange ditt referensnummer när du betalar och ladda sedan upp kvittot under Dokument.
					Det här är en demonstrationsportal: betala ingenting.""");
		}
		kth.setTranslations(Map.of("sv", sv));
	}

	/**
	 * KTH's MSc in Machine Learning in Swedish, written for the demo (issue 29), also
	 * into a demo database created before programmes had translations. Southampton stays
	 * in English only, to show the fallback.
	 */
	private void addSwedishTexts() {
		Programme ml = this.entityManager.createQuery("select p from Programme p where p.slug = :slug", Programme.class)
			.setParameter("slug", KTH_PROGRAMME)
			.getSingleResult();
		// KTH's rounds, named again each time: the moving rounds' names follow the clock.
		this.entityManager
			.createQuery("select r from ApplicationRound r where r.institution.slug = 'kth'", ApplicationRound.class)
			.getResultList()
			.forEach((round) -> {
				String swedish = swedishRoundName(round.getName());
				if (swedish != null) {
					round.setTranslations(Map.of("sv", Map.of("name", swedish)));
				}
			});
		Course deepLearning = this.entityManager
			.createQuery("select c from Course c where c.code = 'DD2424' and c.institution.slug = 'kth'", Course.class)
			.getSingleResult();
		if (deepLearning.translations().isEmpty()) {
			deepLearning.setTranslations(Map.of("sv", Map.of("title", "Djupinlärning i datavetenskap", "summary",
					"Hur djupa nätverk lär sig representationer av bilder och text, hur de tränas och när de är "
							+ "värda att använda i datavetenskapligt arbete.")));
		}
		Map<String, String> sv = new LinkedHashMap<>();
		sv.put("title", "Maskininlärning");
		sv.put("award", "Teknologie masterexamen");
		sv.put("summary", "Ett tvåårigt masterprogram om matematiken, statistiken och tekniken bakom maskininlärning. "
				+ "Undervisningen sker på engelska i Stockholm, och programmet leder både till arbete i industrin "
				+ "och till forskarstudier.");
		sv.put("sectionAbout", """
				Maskininlärning handlar om algoritmer som hittar mönster i data och använder dem för att göra \
				förutsägelser. Metoderna används i dag inom tillverkning, handel, vård, finans, robotik, \
				telekommunikation och sociala medier.

				Programmet ger dig fältets matematiska och statistiska grund och samtidigt den praktiska sidan: \
				att välja en metod som passar ett verkligt problem, implementera den och få den att fungera \
				effektivt och tillförlitligt. När du är klar ska du kunna ta dig an inlärningsproblem som inte \
				följer någon lärobok och leverera en lösning som fungerar.

				Programmet ges av skolan för elektroteknik och datavetenskap, huvudsakligen på KTH Campus i \
				Stockholm. Det omfattar 120 högskolepoäng under två år och leder till en teknologie masterexamen.""");
		sv.put("sectionLearning",
				"""
						Den första terminen består av obligatoriska kurser som lägger grunden: maskininlärning, \
						artificiell intelligens, en fördjupningskurs i maskininlärning och forskningsmetodik.

						Från och med den andra terminen kombinerar du kurser från två områden, som tillsammans utgör \
						kärnan i det en specialist på maskininlärning behöver kunna:
						- Tillämpningsområden: hur inlärningsmetoder löser problem inom datorseende, informationssökning, tal- och språkteknologi, beräkningsbiologi och robotik.
						- Teoretisk maskininlärning: fler kurser i tillämpad matematik, statistik och maskininlärning.

						Djupinlärning behandlas ingående i flera avancerade kurser, bland dem DD2424 Djupinlärning i \
						datavetenskap.

						Ytterligare 30 högskolepoäng är valfria. Dem kan du använda för att fördjupa dig i ditt eget \
						område eller för att bredda dig mot en annan del av maskininlärningen.""");
		sv.put("sectionProject", """
				Den sista terminen ägnas åt examensarbetet. Du deltar i avancerat forsknings- eller \
				utvecklingsarbete vid ett universitet eller ett företag, i Sverige eller utomlands, och visar \
				att du kan genomföra ett självständigt projekt med det du har lärt dig under programmet.

				Tidigare studenter har gjort sina examensarbeten vid företag som Saab, Elekta, Flir, Ericsson, \
				Tobii, Spotify, Thales och Huawei.""");
		sv.put("sectionCareers", """
				Ju mer data världen producerar, desto fler ingenjörer och forskare som förstår maskininlärning \
				behöver arbetsgivarna. Utexaminerade arbetar inom industrin, från nystartade bolag till \
				väletablerade koncerner, och examen är också en god grund för forsknings- och utvecklingsarbete \
				eller för forskarstudier.

				Tidigare studenter har fått arbete vid bland andra Dice, Logitech, Google och McKinsey, i länder \
				som Sverige, Schweiz, Tyskland, Kina, Indien och USA.""");
		sv.put("topics", String.join("\n", "Maskininlärning", "Djupinlärning", "Statistisk modellering",
				"Artificiell intelligens", "Datorseende", "Talteknologi", "Informationssökning", "Optimering"));
		sv.put("careerTitles",
				String.join("\n", "Mjukvaruutvecklare", "Ingenjör inom djupinlärning", "Ingenjör inom datorseende",
						"Dataanalytiker", "Mjukvaruingenjör", "Kvantitativ analytiker", "Data scientist",
						"Systemingenjör"));
		sv.put("entryRequirements", "En kandidatexamen eller motsvarande, med matematik (analys, linjär algebra, "
				+ "sannolikhetslära och statistik) och programmering.");
		sv.put("languageRequirements", "Engelska på den nivå som Engelska 6 i gymnasieskolan motsvarar, till "
				+ "exempel IELTS Academic 6,5 utan något delresultat under 5,5.");
		sv.put("tuitionNote", "Medborgare i EU/EES-länder och Schweiz betalar ingen studieavgift.");
		sv.put("applicationFeeNote", "Medborgare i EU/EES-länder och Schweiz betalar ingen anmälningsavgift.");
		// Also into a demo database whose programme was translated before these texts
		// could be.
		Map<String, String> kept = ml.translations().getOrDefault("sv", Map.of());
		if (!kept.keySet().containsAll(sv.keySet())) {
			sv.putAll(kept);
			ml.setTranslations(Map.of("sv", sv));
		}
	}

	/**
	 * DD2424's current syllabus, its modules, its prerequisites and its offerings' target
	 * groups in Swedish, written for the demo (issue 29), also into a demo database
	 * created before they had translations. Its literature is not given; the earlier
	 * version stays in English, to show the fallback.
	 */
	private void addSwedishCourseTexts() {
		Syllabus current = this.entityManager
			.createQuery(
					"select s from Syllabus s where s.course.code = 'DD2424' and s.course.institution.slug = 'kth'",
					Syllabus.class)
			.getResultList()
			.stream()
			.filter((syllabus) -> syllabus.getValidFrom().equals(Term.of(2024, Season.AUTUMN)))
			.findFirst()
			.orElseThrow();
		if (current.translations().isEmpty()) {
			Map<String, String> sv = new LinkedHashMap<>();
			sv.put("contents",
					"""
							- Att lära sig representationer direkt ur rådata, till exempel bilder och text
							- Grunderna i övervakad inlärning
							- Byggstenarna i djupinlärning, bland annat faltningsnätverk och återkopplade nätverk
							- Träning av djupa nätverk i teori och praktik, bland annat optimering med stokastisk gradientnedstigning
							- Nya framsteg inom djupinlärning
							- Analys av tränade modeller och av de representationer de lär sig
							- Överföringsinlärning: att återanvända inlärda representationer för nya uppgifter
							- Exempel på hur djupinlärning används för representationsinlärning och igenkänning""");
			sv.put("outcomes",
					"""
							Efter kursen ska studenten kunna:
							- förklara de bärande idéerna bakom hur rådata lärs in, representeras och känns igen
							- beskriva teorin bakom de metoder för djupinlärning som oftast används i praktiken
							- avgöra var inom datavetenskapen djupinlärning kan göra nytta, särskilt inom datorseende och språkteknologi

							Målet är att studenten ska:
							- kunna lösa problem där data ska representeras och kännas igen
							- kunna bygga, analysera och utvärdera enkla system för djupinlärning som analyserar bilder och text automatiskt
							- ha en tillräckligt bred grund för att kunna fördjupa sig vidare i området och läsa dess litteratur""");
			sv.put("prerequisitesNote", """
					Den som deltar aktivt i ett kurstillfälle vars slutexamination ännu inte har rapporterats i \
					Ladok räknas som att ha genomgått kursen. Att vara registrerad på kursen räknas som aktivt \
					deltagande.

					Med slutexamination menas här det ordinarie examinationstillfället och det första \
					omexaminationstillfället.""");
			sv.put("examinationNotes", """
					För en student med dokumenterad funktionsnedsättning beslutar examinator hur examinationen \
					ska anpassas, utifrån en rekommendation från KTH:s samordnare för funktionsnedsättning.

					Vid omexamination av en enskild student får examinator välja en annan examinationsform.

					Om kursen läggs ned kan studenterna begära att bli examinerade på den under de två \
					följande läsåren.

					TEN1 har en muntlig och en skriftlig del. Den som gör en frivillig projektuppgift kan höja \
					sitt slutbetyg.""");
			sv.put("ethicalApproach",
					"""
							- Alla i en grupp delar ansvaret för gruppens arbete.
							- Vid varje examination ska varje student öppet redovisa all hjälp och alla källor som har använts.
							- Vid en muntlig examination ska varje student kunna redogöra för hela uppgiften och lösningen och svara på frågor om vilken del som helst av den.""");
			sv.put("supplementary", "EECS:s hederskodex gäller för kursen.");
			current.setTranslations(Map.of("sv", sv));
			Map<String, String> modules = Map.of("TEN1", "Tentamen", "LAB2", "Laborationer");
			current.getModules()
				.stream()
				.filter((module) -> modules.containsKey(module.getCode()))
				.forEach((module) -> module
					.setTranslations(Map.of("sv", Map.of("name", modules.get(module.getCode())))));
		}
		Map<String, String> prerequisites = Map.of("Programming knowledge and skills corresponding to 6 credits.",
				"Kunskaper och färdigheter i programmering motsvarande 6 hp.",
				"Linear algebra corresponding to 7.5 credits.", "Linjär algebra motsvarande 7,5 hp.",
				"Multivariable analysis corresponding to 7.5 credits.", "Flervariabelanalys motsvarande 7,5 hp.",
				"Probability theory and statistics corresponding to 6 credits.",
				"Sannolikhetsteori och statistik motsvarande 6 hp.",
				"Machine learning or artificial intelligence corresponding to 6 credits: either DD1420 or DD2421 "
						+ "(machine learning), or DD2380 or ID1214 (artificial intelligence).",
				"Maskininlärning eller artificiell intelligens motsvarande 6 hp: antingen DD1420 eller DD2421 "
						+ "(maskininlärning) eller DD2380 eller ID1214 (artificiell intelligens).");
		current.getPrerequisites()
			.stream()
			.filter((prerequisite) -> prerequisite.translations().isEmpty()
					&& prerequisites.containsKey(prerequisite.getDescription()))
			.forEach((prerequisite) -> prerequisite.setTranslations(
					Map.of("sv", Map.of("description", prerequisites.get(prerequisite.getDescription())))));
		String open = "Öppet för studenter som är antagna till CLGYM-TIKT eller CLGYM-TIDE och till de "
				+ "masterprogram som listas.";
		Map<String, String> targetGroups = Map.of("60228", open, "60391",
				"Kurstillfälle för demon, med påhittade datum och anmälningskod. " + open, "60612",
				"Kurstillfälle för demon, med påhittade datum och anmälningskod, enligt kursplanen som gällde "
						+ "från och med våren 2019.");
		this.entityManager.createQuery(
				"select o from CourseOffering o where o.course.code = 'DD2424' and o.course.institution.slug = 'kth'",
				CourseOffering.class)
			.getResultList()
			.stream()
			.filter((offering) -> offering.translations().isEmpty()
					&& targetGroups.containsKey(offering.getApplicationCode()))
			.forEach((offering) -> offering
				.setTranslations(Map.of("sv", Map.of("targetGroup", targetGroups.get(offering.getApplicationCode())))));
	}

	/**
	 * KTH's Machine Learning asks for one reference in KTH's open round (issue 30), which
	 * itself asks for none, also in a demo database created before references existed: an
	 * applicant names a referee, who is e-mailed a link on submission (the development
	 * mail server shows it).
	 */
	private void addReferences() {
		this.entityManager.createQuery("select r from ApplicationRound r where r.slug = :slug", ApplicationRound.class)
			.setParameter("slug", KTH_CURRENT_ROUND)
			.getResultList()
			.forEach((round) -> {
				round.setReferencesRequired(0);
				round.setProgrammeReferences(round.getProgrammes()
					.stream()
					.filter((programme) -> programme.getSlug().equals(KTH_PROGRAMME))
					.collect(Collectors.toMap(Programme::getId, (programme) -> 1)));
				// Applications submitted before are worked out again, as after an
				// editor's
				// change.
				this.events.publishEvent(new RoundReferencesChanged(round.getId()));
			});
	}

	/**
	 * KTH's decided round, also into a demo database created before it existed: results
	 * eight days ago, replies due in six.
	 */
	private void addDecidedRound(Map<String, DemoRound> moving) {
		if (count("select count(r) from ApplicationRound r where r.slug = '" + KTH_DECIDED_ROUND + "'") > 0) {
			return;
		}
		Programme ml = this.entityManager.createQuery("select p from Programme p where p.slug = :slug", Programme.class)
			.setParameter("slug", KTH_PROGRAMME)
			.getSingleResult();
		round(ml.getInstitution(), KTH_DECIDED_ROUND, moving.get(KTH_DECIDED_ROUND), ml);
	}

	/**
	 * What each institution's officers choose from when they decide, also in a demo
	 * database created before institutions had them: the conditions KTH and Southampton
	 * ask of admitted applicants, their refusal reasons with what to do next, and what
	 * their decision letters are signed with.
	 */
	private void addAdmissionsLists() {
		Map.of("kth",
				List.of("Bachelor's degree awarded before studies start",
						"English at the level of Swedish upper secondary English 6, shown by an approved test",
						"Officially certified transcript sent by the awarding university"),
				"southampton",
				List.of("Degree awarded with at least a 2:1 (upper second class) in a relevant subject",
						"IELTS 6.5 overall, or an equivalent English test", "Proof of funding for the first year"))
			.forEach((slug, conditions) -> this.entityManager
				.createQuery("select i from Institution i where i.slug = :slug", Institution.class)
				.setParameter("slug", slug)
				.getResultStream()
				.filter((institution) -> institution.getOfferConditions().isEmpty())
				.forEach((institution) -> institution.setOfferConditions(conditions)));
		Map.of("kth", List
			.of("The degree does not include enough mathematics | Courses in linear algebra, calculus and probability "
					+ "of at least 20 credits together meet the requirement; you may apply again once you have them.",
					"The English test result is below the required level | Take an approved test again and apply in the "
							+ "next round: KTH's admissions pages list the tests and scores."),
				"southampton",
				List.of("The degree classification is below a 2:1 | Relevant work experience can be considered: "
						+ "write to the admissions team before applying again."))
			.forEach((slug, reasons) -> this.entityManager
				.createQuery("select i from Institution i where i.slug = :slug", Institution.class)
				.setParameter("slug", slug)
				.getResultStream()
				.filter((institution) -> institution.getRefusalReasons().isEmpty())
				.forEach((institution) -> {
					institution.setRefusalReasons(reasons);
					institution.setLetter("Admissions Office, " + institution.getName(),
							"Questions about this decision go to " + institution.getAdmissionsEmail()
									+ ", quoting your reference.");
				}));
	}

	/**
	 * The fee one application to a KTH round pays when it is owed: the figure Swedish
	 * universities charge, the same as the programme advertises. Southampton charges
	 * none.
	 */
	static final Money KTH_APPLICATION_FEE = Money.of("900", "SEK");

	static final String KTH_PAYMENT_INSTRUCTIONS = """
			Pay the application fee of SEK 900 by card on the payment page of the admissions service, \
			or by bank transfer to the account it shows, before the documents deadline.
			Quote your application reference with the payment, then upload the receipt under Documents.
			This is a demonstration portal: do not pay anything.""";

	/**
	 * Who is exempt from the application fee, also in a demo database created before
	 * institutions said so.
	 */
	private void addFeeRules() {
		this.entityManager.createQuery("select i from Institution i where i.slug = 'kth'", Institution.class)
			.getResultStream()
			.filter((kth) -> kth.getApplicationFee() == null)
			.forEach((kth) -> kth.setApplicationFee(KTH_APPLICATION_FEE, KTH_PAYMENT_INSTRUCTIONS, false));
		Map.of("kth", EU_EEA_CH, "southampton", List.of("GB"))
			.forEach((slug, countries) -> this.entityManager
				.createQuery("select i from Institution i where i.slug = :slug", Institution.class)
				.setParameter("slug", slug)
				.getResultStream()
				.filter((institution) -> institution.getFeeExemptCountries().isEmpty())
				.forEach((institution) -> institution.setFeeExemptCountries(countries)));
	}

	/**
	 * The joint round, also into a demo database created before it existed: KTH
	 * coordinates, so its zone and fee rules apply, and an applicant may rank both
	 * programmes.
	 */
	private void addJointRound(Map<String, DemoRound> moving) {
		if (count("select count(r) from ApplicationRound r where r.slug = '" + ML_JOINT_ROUND + "'") > 0) {
			return;
		}
		List<Programme> both = this.entityManager
			.createQuery("select p from Programme p where p.slug in :slugs order by p.slug", Programme.class)
			.setParameter("slugs", List.of(KTH_PROGRAMME, SOUTHAMPTON_PROGRAMME))
			.getResultList();
		Institution kth = both.get(0).getInstitution();
		round(kth, ML_JOINT_ROUND, moving.get(ML_JOINT_ROUND), both.toArray(Programme[]::new)).setChoiceLimit(2);
	}

	/**
	 * The careers, linked to both MSc Machine Learning programmes, and the guide. Checked
	 * apart from the catalogue, so that a demo database kept from before they existed
	 * gets them too.
	 */
	private void loadCareersAndGuide() {
		DemoGuide guide = new DemoGuide(this.entityManager);
		if (guide.isLoaded()) {
			return;
		}
		this.entityManager.flush();
		guide.loadCareers(this.entityManager
			.createQuery("select p from Programme p where p.slug in :slugs order by p.slug", Programme.class)
			.setParameter("slugs", List.of(KTH_PROGRAMME, SOUTHAMPTON_PROGRAMME))
			.getResultList());
		guide.loadGuide();
	}

	/** What the database holds, for the start-up log line. */
	@Transactional(readOnly = true)
	public DemoCounts counts() {
		return new DemoCounts(count("select count(i) from Institution i"), count("select count(p) from Programme p"),
				count("select count(p) from Programme p where p.state = org.prospectus.staging.PublicationState.PUBLISHED"),
				count("select count(c) from Course c"), count("select count(r) from ApplicationRound r"),
				this.entityManager
					.createQuery(
							"select count(r) from ApplicationRound r where r.opensAt <= :now and r.deadlineAt >= :now",
							Long.class)
					.setParameter("now", this.clock.instant())
					.getSingleResult());
	}

	private boolean isLoaded() {
		return count("select count(i) from Institution i where i.slug = 'kth'") > 0;
	}

	private long count(String jpql) {
		return this.entityManager.createQuery(jpql, Long.class).getSingleResult();
	}

	/**
	 * The rounds whose dates are computed from today, by slug. Slugs are stable so that a
	 * restart finds and moves the rounds it created earlier.
	 */
	private Map<String, DemoRound> movingRounds() {
		Map<String, DemoRound> rounds = new LinkedHashMap<>();
		rounds.put(KTH_CURRENT_ROUND, DemoRoundCalendar.kthCurrentIntake(this.clock));
		rounds.put(SOUTHAMPTON_CURRENT_ROUND, DemoRoundCalendar.southamptonCurrentEntry(this.clock));
		rounds.put(ML_JOINT_ROUND, DemoRoundCalendar.jointMachineLearningIntake(this.clock));
		rounds.put(KTH_DECIDED_ROUND,
				DemoRoundCalendar.relativeIntake(this.clock, DemoRoundCalendar.STOCKHOLM, -120, -50));
		rounds.put("northbridge-current-intake", DemoRoundCalendar.relativeIntake(this.clock, AMSTERDAM, -30, 45));
		rounds.put("northbridge-next-intake", DemoRoundCalendar.relativeIntake(this.clock, AMSTERDAM, 20, 110));
		rounds.put("northbridge-past-intake", DemoRoundCalendar.relativeIntake(this.clock, AMSTERDAM, -240, -120));
		rounds.put("lakeshore-current-intake", DemoRoundCalendar.relativeIntake(this.clock, TORONTO, -60, 10));
		rounds.put("lakeshore-closed-intake", DemoRoundCalendar.relativeIntake(this.clock, TORONTO, -120, -7));
		rounds.put("lakeshore-upcoming-intake", DemoRoundCalendar.relativeIntake(this.clock, TORONTO, 45, 150));
		return rounds;
	}

	/**
	 * Moves every clock-bound round to today's dates. A round's name follows its dates
	 * ("Autumn 2027" becomes "Autumn 2028" a year later), and the entity offers no way to
	 * rename, so the name is changed with a bulk update before the round is loaded.
	 */
	private void refreshMovingRounds() {
		movingRounds().forEach((slug, round) -> {
			this.entityManager
				.createQuery("update ApplicationRound r set r.name = :name, r.version = r.version + 1 "
						+ "where r.slug = :slug and r.name <> :name")
				.setParameter("name", round.name())
				.setParameter("slug", slug)
				.executeUpdate();
			this.entityManager
				.createQuery("select r from ApplicationRound r where r.slug = :slug", ApplicationRound.class)
				.setParameter("slug", slug)
				.getResultList()
				.forEach((existing) -> existing.reschedule(round.schedule()));
		});
	}

	// KTH

	private void loadKth(Map<String, DemoRound> moving) {
		Institution kth = institution("kth", "KTH Royal Institute of Technology", "SE", DemoRoundCalendar.STOCKHOLM,
				"SEK", "Stockholm", List.of("KTH Campus"), "https://www.kth.se");
		kth.setShortName("KTH");
		// Swedish universities charge no application fee to citizens of the EU, the EEA
		// and
		// Switzerland.
		kth.setFeeExemptCountries(EU_EEA_CH);
		kth.setApplicationFee(KTH_APPLICATION_FEE, KTH_PAYMENT_INSTRUCTIONS, false);
		// Demo addresses, so that nothing the demo sends reaches a real office.
		kth.setContacts("admissions@kth.demo.prospectus.example", "+46 8 790 60 00",
				"KTH Royal Institute of Technology\nSE-100 44 Stockholm\nSweden",
				"dataprotection@kth.demo.prospectus.example");

		Programme ml = kthMachineLearning(kth);
		KthCourses courses = kthCourses(kth);
		plan(ml, courses.machineLearning(), 1, Season.AUTUMN, PlanCategory.COMPULSORY, null, 1);
		plan(ml, courses.artificialIntelligence(), 1, Season.AUTUMN, PlanCategory.COMPULSORY, null, 2);
		plan(ml, courses.advancedMachineLearning(), 1, Season.AUTUMN, PlanCategory.COMPULSORY, null, 3);
		plan(ml, courses.researchMethodology(), 1, Season.AUTUMN, PlanCategory.COMPULSORY, null, 4);
		plan(ml, courses.deepLearning(), 1, Season.SPRING, PlanCategory.CONDITIONALLY_ELECTIVE,
				"Theoretical machine learning", 1);
		plan(ml, courses.computerVision(), 1, Season.SPRING, PlanCategory.CONDITIONALLY_ELECTIVE, "Application domains",
				2);
		plan(ml, courses.neuralNetworks(), 2, Season.AUTUMN, PlanCategory.ELECTIVE, null, 1);
		plan(ml, courses.degreeProject(), 2, Season.SPRING, PlanCategory.COMPULSORY, null, 1);

		round(kth, "kth-autumn-2020", "Autumn 2020", DemoRoundCalendar.kthAutumnIntake(2020), ml);
		round(kth, KTH_CURRENT_ROUND, moving.get(KTH_CURRENT_ROUND), ml);
	}

	private Programme kthMachineLearning(Institution kth) {
		Programme ml = programme(kth, "TMAIM", KTH_PROGRAMME, "Machine Learning", "Master of Science",
				ProgrammeLevel.MASTER, "120", CreditSystem.ECTS, 24, 100, StudyMode.CAMPUS, "en",
				"A two-year master's programme in the mathematics, statistics and engineering behind machine "
						+ "learning, taught in English in Stockholm. It leads to work in industry as well as to "
						+ "doctoral studies.");
		ml.setCampus("KTH Campus, Stockholm");
		ml.setStartTerm("Autumn");
		String about = """
				Machine learning is about algorithms that find structure in data and use it to make predictions. \
				Its methods are now at work in manufacturing, retail, health care, finance, robotics, \
				telecommunications and social media.

				The programme teaches the mathematical and statistical basis of the field together with the \
				practical side: choosing a technique that fits a real problem, implementing it and making it run \
				efficiently and reliably. By the end you should be able to take on learning problems that do not \
				fit a textbook recipe and deliver a workable solution.

				The School of Electrical Engineering and Computer Science gives the programme, mostly at KTH \
				Campus in Stockholm. It comprises 120 ECTS credits over two years and leads to the degree of \
				Master of Science.""";
		String learning = """
				The first term consists of compulsory courses that lay the foundation: machine learning, \
				artificial intelligence, an advanced course in machine learning and research methodology.

				From the second term you combine courses from two areas, which together make up the core skills \
				of a machine learning specialist:
				- Application domains: how learning methods solve problems in computer vision, information retrieval, speech and language processing, computational biology and robotics.
				- Theoretical machine learning: further courses in applied mathematics, statistics and machine learning.

				Deep learning is covered in depth by several advanced courses, among them DD2424 Deep Learning \
				in Data Science.

				A further 30 ECTS credits are electives, which you can use to go deeper into your own field or \
				to branch out into another part of machine learning.""";
		String project = """
				The last term is given over to the degree project. You take part in advanced research or \
				development work at a university or a company, in Sweden or abroad, and show that you can carry \
				out an independent project with what the programme has taught you.

				Earlier students have done their projects at companies such as Saab, Elekta, Flir, Ericsson, \
				Tobii, Spotify, Thales and Huawei.""";
		String careers = """
				The more data the world produces, the more employers need engineers and scientists who \
				understand machine learning. Graduates work in industry, from start-ups to long-established \
				companies, and the degree is also a good basis for research and development roles or for \
				doctoral studies.

				Graduates have found work at companies such as Dice, Logitech, Google and McKinsey, in countries \
				including Sweden, Switzerland, Germany, China, India and the US.""";
		ml.setSections(about, learning, project, careers);
		ml.setTopics(List.of("Machine learning", "Deep learning", "Statistical modelling", "Artificial intelligence",
				"Computer vision", "Speech technology", "Information retrieval", "Optimization"));
		ml.setCareerTitles(List.of("Software developer", "Deep learning engineer", "Computer vision engineer",
				"Data analyst", "Software engineer", "Quantitative analyst", "Data scientist", "Systems engineer"));
		ml.setEntry(null,
				"A bachelor's degree, or an equivalent qualification, that includes mathematics (calculus, linear "
						+ "algebra, probability and statistics) and programming.",
				"English at the level of English 6 in Swedish upper secondary school: for example IELTS Academic "
						+ "6.5 with no part below 5.5.");
		ml.setTuition(Money.of("155000", "SEK"), TuitionPeriod.PER_YEAR,
				"Citizens of EU/EEA countries and Switzerland pay no tuition fee.");
		ml.setApplicationFee(Money.of("900", "SEK"), "Citizens of EU/EEA countries and Switzerland are exempt.");
		ml.setContact(null, "programme-ml@kth.example.org", null);
		ml.publish();
		this.entityManager.persist(new Testimonial(ml, 1,
				"As far as I know, KTH is the one university in Europe with a programme devoted to machine learning.",
				"Ruibo Tu", "China",
				Map.of("sv", Map.of("quote",
						"Så vitt jag vet är KTH det enda universitetet i Europa som har ett helt program för maskininlärning.",
						"authorOrigin", "Kina"))));
		return ml;
	}

	/**
	 * The courses of TMAIM's plan, plus SF1624 so that a prerequisite link resolves.
	 * Apart from DD2424, whose syllabus follows KTH's, the syllabus texts are invented.
	 */
	private KthCourses kthCourses(Institution kth) {
		Course deepLearning = deepLearning(kth);
		Course machineLearning = machineLearning(kth);
		Course artificialIntelligence = artificialIntelligence(kth);
		Course advanced = advancedMachineLearning(kth);
		Course methodology = researchMethodology(kth);
		Course vision = computerVision(kth);
		Course neural = neuralNetworks(kth);
		Course project = degreeProject(kth);
		algebraAndGeometry(kth);
		return new KthCourses(deepLearning, machineLearning, artificialIntelligence, advanced, methodology, vision,
				neural, project);
	}

	/**
	 * The version of DD2424's syllabus that applied before Autumn 2024, so that the
	 * course page shows a past version with its own address and PDF. Its texts are the
	 * demo's own.
	 */
	private static Syllabus earlierDeepLearningSyllabus(Course course, String ethics) {
		Syllabus syllabus = new Syllabus(course, Term.of(2019, Season.SPRING));
		syllabus.setContentsAndOutcomes("""
				- Learning representations from raw data such as images and text
				- Supervised learning with linear classifiers and multilayer networks
				- Convolutional and recurrent networks
				- Training deep networks with stochastic gradient descent and backpropagation
				- Regularisation, and how to check that a trained network generalises""", """
				After the course, the student should be able to:
				- explain how a deep network learns a representation of its input
				- train and evaluate convolutional and recurrent networks on images and text
				- judge when deep learning suits a problem in data science, and when it does not""");
		syllabus.addPrerequisite("Programming knowledge and skills corresponding to 6 credits.",
				List.of("DD1337", "DD1310-DD1319", "DD1321"));
		syllabus.addPrerequisite("Linear algebra corresponding to 7.5 credits.", List.of("SF1624", "SF1672", "SF1684"));
		syllabus.addPrerequisite("Probability theory and statistics corresponding to 6 credits.",
				List.of("SF1910-SF1924", "SF1935"));
		syllabus.addModule("TEN1", "Written examination", new BigDecimal("3.0"), GradingScale.A_F);
		syllabus.addModule("LAB1", "Laboratory assignments", new BigDecimal("4.5"), GradingScale.P_F);
		syllabus.setExaminationNotes("""
				TEN1 is a written examination. The laboratory assignments are done in pairs and presented \
				orally to a teaching assistant.""");
		syllabus.setEthicalApproach(ethics);
		syllabus.setSupplementary("Replaced by the syllabus valid from Autumn 2024, which adds transfer learning "
				+ "and an oral part to the examination.");
		return syllabus;
	}

	private Course deepLearning(Institution kth) {
		Course course = course(kth, "DD2424", "Deep Learning in Data Science", "7.5", EducationCycle.SECOND,
				GradingScale.A_F, "Computer Science and Engineering", EECS,
				"How deep networks learn representations of images and text, how they are trained, and where in "
						+ "data science they are worth using.");
		Syllabus syllabus = new Syllabus(course, Term.of(2024, Season.AUTUMN));
		String contents = """
				- Learning representations directly from raw data such as images and text
				- The principles of supervised learning
				- The building blocks of deep learning methods, including convolutional and recurrent networks
				- Training deep networks in theory and in practice, including optimisation with stochastic gradient descent
				- Recent advances in deep learning methods
				- Analysing trained models and the representations they learn
				- Transfer learning: reusing learned representations for new tasks
				- Examples of deep learning used for representation learning and recognition""";
		String outcomes = """
				After the course, the student should be able to:
				- explain the main ideas behind learning, representing and recognising raw data
				- describe the theory behind the deep learning methods most used in practice
				- recognise where in data science deep learning can work well, computer vision and language technology in particular

				The aim is that the student will:
				- be able to solve problems that involve representing and recognising data
				- be able to build, analyse and evaluate simple deep learning systems that analyse images and text automatically
				- have a broad enough grounding to keep learning about the field and to read its literature""";
		syllabus.setContentsAndOutcomes(contents, outcomes);
		syllabus.addPrerequisite("Programming knowledge and skills corresponding to 6 credits.",
				List.of("DD1337", "DD1310-DD1319", "DD1321", "DD1331", "DD100N", "ID1018"));
		syllabus.addPrerequisite("Linear algebra corresponding to 7.5 credits.", List.of("SF1624", "SF1672", "SF1684"));
		syllabus.addPrerequisite("Multivariable analysis corresponding to 7.5 credits.", List.of("SF1626", "SF1674"));
		syllabus.addPrerequisite("Probability theory and statistics corresponding to 6 credits.",
				List.of("SF1910-SF1924", "SF1935"));
		syllabus.addPrerequisite(
				"Machine learning or artificial intelligence corresponding to 6 credits: either "
						+ "DD1420 or DD2421 (machine learning), or DD2380 or ID1214 (artificial intelligence).",
				List.of("DD1420", "DD2421", "DD2380", "ID1214"));
		syllabus.setPrerequisitesNote("""
				Taking active part in a course offering whose final examination has not yet been reported in \
				Ladok counts as having completed that course. Being registered on a course counts as taking \
				active part in it.

				Here, the final examination means the regular examination together with the first \
				re-examination.""");
		syllabus.addModule("TEN1", "Examination", new BigDecimal("3.0"), GradingScale.A_F);
		syllabus.addModule("LAB2", "Laboratory work", new BigDecimal("4.5"), GradingScale.P_F);
		syllabus.setExaminationNotes("""
				For a student with a documented disability, the examiner decides how to adapt the examination, \
				based on a recommendation from KTH's coordinator for disabilities.

				When re-examining an individual student, the examiner may use a different form of examination.

				If the course is discontinued, students may ask to be examined on it during the following two \
				academic years.

				TEN1 has both an oral and a written part. Students who complete an optional project assignment \
				can raise their final grade.""");
		String ethics = """
				- Everyone in a group shares responsibility for the group's work.
				- In every assessment, each student must openly state all help received and all sources used.
				- In an oral assessment, each student must be able to present the whole assignment and solution and answer questions about any part of it.""";
		syllabus.setEthicalApproach(ethics);
		syllabus.setSupplementary("The EECS code of honour applies to this course.");
		this.entityManager.persist(syllabus);
		this.entityManager.persist(earlierDeepLearningSyllabus(course, ethics));

		deepLearningOffering(course, 2026, "2026-03-16", "2026-06-01", "60228",
				"Open to students admitted to CLGYM-TIKT or CLGYM-TIDE and to the master's programmes listed.");
		deepLearningOffering(course, 2027, "2027-03-22", "2027-06-07", "60391",
				"Demo offering with invented dates and application code. Open to students admitted to "
						+ "CLGYM-TIKT or CLGYM-TIDE and to the master's programmes listed.");
		// Under the earlier syllabus version: readable on that version's page.
		deepLearningOffering(course, 2023, "2023-03-20", "2023-06-05", "60612",
				"Demo offering with invented dates and application code, under the syllabus valid from Spring 2019.");
		return course;
	}

	/** A spring offering of DD2424 in period P4, for the programme students it names. */
	private void deepLearningOffering(Course course, int year, String startDate, String endDate, String applicationCode,
			String targetGroup) {
		CourseOffering offering = offering(course, Term.of(year, Season.SPRING), startDate, endDate, applicationCode,
				50);
		offering.setAdmission(300, Audience.PROGRAMME_STUDENTS, targetGroup, DD2424_PROGRAMMES);
		offering.addPeriod(Term.of(year, Season.SPRING), "P4", new BigDecimal("7.5"));
		this.entityManager.persist(offering);
	}

	private Course machineLearning(Institution kth) {
		Course course = course(kth, "DD2421", "Machine Learning", "7.5", EducationCycle.SECOND, GradingScale.A_F,
				"Computer Science and Engineering", EECS,
				"The core ideas and standard methods of machine learning, from nearest neighbours to ensembles.");
		Syllabus syllabus = new Syllabus(course, Term.of(2025, Season.AUTUMN));
		syllabus.setContentsAndOutcomes("""
				- Supervised and unsupervised learning, and how to evaluate a learned model
				- Nearest neighbours, decision trees, support vector machines and ensembles
				- Probabilistic models and Bayesian classification
				- Overfitting, regularisation and the bias-variance trade-off""", """
				After the course, the student should be able to:
				- choose a suitable learning method for a given problem and justify the choice
				- implement and apply common learning methods to real data
				- evaluate a learned model and explain its strengths and limits""");
		syllabus.addPrerequisite("Programming knowledge and skills corresponding to 6 credits.",
				List.of("DD1337", "DD1310-DD1319", "DD1321"));
		syllabus.addPrerequisite("Linear algebra corresponding to 7.5 credits.", List.of("SF1624", "SF1672"));
		syllabus.addModule("TEN1", "Written examination", new BigDecimal("4.5"), GradingScale.A_F);
		syllabus.addModule("LAB1", "Laboratory work", new BigDecimal("3.0"), GradingScale.P_F);
		syllabus.setSupplementary(DEMO_SYLLABUS_NOTE);
		this.entityManager.persist(syllabus);

		CourseOffering offering = offering(course, Term.of(2026, Season.AUTUMN), "2026-10-26", "2027-01-15", "50412",
				50);
		offering.setAdmission(250, Audience.ALL,
				"Open to programme students and to single-course applicants who meet the specific prerequisites.",
				List.of("TMAIM", "TCSCM", "TSCRM"));
		offering.addPeriod(Term.of(2026, Season.AUTUMN), "P2", new BigDecimal("7.5"));
		this.entityManager.persist(offering);
		return course;
	}

	/**
	 * Two syllabus versions, the second valid from a future term, so that the course page
	 * shows until when the current one applies.
	 */
	private Course artificialIntelligence(Institution kth) {
		Course course = course(kth, "DD2380", "Artificial Intelligence", "6.0", EducationCycle.SECOND, GradingScale.A_F,
				"Computer Science and Engineering", EECS,
				"Search, planning, reasoning under uncertainty and learning agents.");
		Syllabus current = new Syllabus(course, Term.of(2022, Season.AUTUMN));
		current.setContentsAndOutcomes("""
				- Intelligent agents and their environments
				- Search and game playing
				- Logic, planning and reasoning under uncertainty
				- Learning agents and reinforcement learning""", """
				After the course, the student should be able to:
				- describe the main families of AI methods and when each applies
				- implement search and planning algorithms for well-defined problems
				- build a simple agent that learns from experience""");
		current.addPrerequisite("Programming knowledge and skills corresponding to 6 credits.",
				List.of("DD1337", "DD1321"));
		current.addModule("LAB1", "Laboratory assignments", new BigDecimal("3.0"), GradingScale.A_F);
		current.addModule("TEN1", "Written examination", new BigDecimal("3.0"), GradingScale.A_F);
		current.setSupplementary(DEMO_SYLLABUS_NOTE);
		this.entityManager.persist(current);

		Syllabus next = new Syllabus(course, Term.of(2027, Season.AUTUMN));
		next.setContentsAndOutcomes("""
				- Intelligent agents and their environments
				- Search, planning and game playing
				- Probabilistic reasoning
				- Reinforcement learning and its use in autonomous systems""", """
				After the course, the student should be able to:
				- describe the main families of AI methods and when each applies
				- implement search, planning and learning algorithms
				- assess the risks and limits of an AI system in its context""");
		next.addPrerequisite("Programming knowledge and skills corresponding to 6 credits.",
				List.of("DD1337", "DD1321"));
		next.addModule("LAB1", "Laboratory assignments", new BigDecimal("3.0"), GradingScale.A_F);
		next.addModule("PRO1", "Project", new BigDecimal("3.0"), GradingScale.A_F);
		next.setSupplementary(DEMO_SYLLABUS_NOTE);
		this.entityManager.persist(next);

		CourseOffering offering = offering(course, Term.of(2026, Season.AUTUMN), "2026-08-24", "2027-01-15", "50377",
				25);
		offering.setAdmission(200, Audience.PROGRAMME_STUDENTS, null, List.of("TMAIM", "TCSCM", "TSCRM"));
		offering.addPeriod(Term.of(2026, Season.AUTUMN), "P1", new BigDecimal("3.0"));
		offering.addPeriod(Term.of(2026, Season.AUTUMN), "P2", new BigDecimal("3.0"));
		this.entityManager.persist(offering);
		return course;
	}

	private Course advancedMachineLearning(Institution kth) {
		Course course = course(kth, "DD2434", "Machine Learning, Advanced Course", "7.5", EducationCycle.SECOND,
				GradingScale.A_F, "Computer Science and Engineering", EECS,
				"Probabilistic modelling and inference for students who already know the basics of machine learning.");
		Syllabus syllabus = new Syllabus(course, Term.of(2025, Season.AUTUMN));
		syllabus.setContentsAndOutcomes("""
				- Graphical models and latent variable models
				- Exact and approximate inference: expectation maximisation, variational methods, sampling
				- Gaussian processes and kernel methods""", """
				After the course, the student should be able to:
				- formulate a probabilistic model for a learning problem
				- derive and implement inference algorithms for it
				- compare models and explain the assumptions they rest on""");
		syllabus.addPrerequisite("Machine learning corresponding to 7.5 credits.", List.of("DD2421"));
		syllabus.addModule("PRO1", "Project assignments", new BigDecimal("4.5"), GradingScale.A_F);
		syllabus.addModule("TEN1", "Written examination", new BigDecimal("3.0"), GradingScale.A_F);
		syllabus.setSupplementary(DEMO_SYLLABUS_NOTE);
		this.entityManager.persist(syllabus);

		CourseOffering offering = offering(course, Term.of(2026, Season.AUTUMN), "2026-10-26", "2027-01-15", "50521",
				50);
		offering.setAdmission(150, Audience.PROGRAMME_STUDENTS, null, List.of("TMAIM", "TCSCM"));
		offering.addPeriod(Term.of(2026, Season.AUTUMN), "P2", new BigDecimal("7.5"));
		this.entityManager.persist(offering);
		return course;
	}

	private Course researchMethodology(Institution kth) {
		Course course = course(kth, "DA2210",
				"Introduction to the Philosophy of Science and Research Methodology for Computer Scientists", "7.5",
				EducationCycle.SECOND, GradingScale.A_F, "Computer Science and Engineering", EECS,
				"How knowledge is built in computer science, and how to plan, carry out and report a study.");
		Syllabus syllabus = new Syllabus(course, Term.of(2025, Season.AUTUMN));
		syllabus.setContentsAndOutcomes("""
				- What counts as evidence in science and engineering
				- Quantitative and qualitative research methods
				- Research ethics and good scientific practice
				- Writing and reviewing a scientific report""", """
				After the course, the student should be able to:
				- choose and justify a method for a research question in computer science
				- judge the strength of a published study
				- plan a degree project and write it up in scientific form""");
		syllabus.addModule("SEM1", "Seminars", new BigDecimal("3.0"), GradingScale.P_F);
		syllabus.addModule("INL1", "Written assignments", new BigDecimal("4.5"), GradingScale.A_F);
		syllabus.setSupplementary(DEMO_SYLLABUS_NOTE);
		this.entityManager.persist(syllabus);

		CourseOffering offering = offering(course, Term.of(2026, Season.AUTUMN), "2026-08-24", "2027-01-15", "50190",
				25);
		offering.setStudyForm(25, "KTH Campus", FormOfStudy.MIXED, "en");
		offering.setAdmission(120, Audience.PROGRAMME_STUDENTS, "Seminars on campus; lectures available online.",
				List.of("TMAIM"));
		offering.addPeriod(Term.of(2026, Season.AUTUMN), "P1", new BigDecimal("4.0"));
		offering.addPeriod(Term.of(2026, Season.AUTUMN), "P2", new BigDecimal("3.5"));
		this.entityManager.persist(offering);
		return course;
	}

	private Course computerVision(Institution kth) {
		Course course = course(kth, "DD2423", "Image Analysis and Computer Vision", "7.5", EducationCycle.SECOND,
				GradingScale.A_F, "Computer Science and Engineering", EECS,
				"From pixels to objects: filtering, features, geometry and recognition in images.");
		Syllabus syllabus = new Syllabus(course, Term.of(2025, Season.AUTUMN));
		syllabus.setContentsAndOutcomes("""
				- Image formation, filtering and the Fourier transform
				- Edges, features and segmentation
				- Camera geometry and stereo
				- Object recognition""", """
				After the course, the student should be able to:
				- explain how an image is formed and processed
				- implement standard methods for feature extraction and segmentation
				- choose a recognition approach for a given vision task""");
		syllabus.addPrerequisite("Programming knowledge and skills corresponding to 6 credits.",
				List.of("DD1337", "DD1321"));
		syllabus.addPrerequisite("Linear algebra corresponding to 7.5 credits.", List.of("SF1624"));
		syllabus.addModule("LAB1", "Laboratory work", new BigDecimal("3.0"), GradingScale.P_F);
		syllabus.addModule("TEN1", "Written examination", new BigDecimal("4.5"), GradingScale.A_F);
		syllabus.setSupplementary(DEMO_SYLLABUS_NOTE);
		this.entityManager.persist(syllabus);

		CourseOffering offering = offering(course, Term.of(2027, Season.SPRING), "2027-01-18", "2027-03-19", "60114",
				50);
		offering.setAdmission(120, Audience.ALL, null, List.of());
		offering.addPeriod(Term.of(2027, Season.SPRING), "P3", new BigDecimal("7.5"));
		this.entityManager.persist(offering);
		return course;
	}

	private Course neuralNetworks(Institution kth) {
		Course course = course(kth, "DD2437", "Artificial Neural Networks and Deep Architectures", "7.5",
				EducationCycle.SECOND, GradingScale.A_F, "Computer Science and Engineering", EECS,
				"How neural networks learn, from single neurons to deep and recurrent architectures.");
		Syllabus syllabus = new Syllabus(course, Term.of(2025, Season.AUTUMN));
		syllabus.setContentsAndOutcomes("""
				- Perceptrons, backpropagation and generalisation
				- Self-organising maps and associative memories
				- Deep and recurrent architectures""", """
				After the course, the student should be able to:
				- explain how different network architectures learn
				- train and evaluate networks on realistic data
				- relate the behaviour of a network to its design""");
		syllabus.addPrerequisite("Machine learning corresponding to 7.5 credits.", List.of("DD2421"));
		syllabus.addModule("LAB1", "Laboratory work", new BigDecimal("4.5"), GradingScale.P_F);
		syllabus.addModule("TEN1", "Written examination", new BigDecimal("3.0"), GradingScale.A_F);
		syllabus.setSupplementary(DEMO_SYLLABUS_NOTE);
		this.entityManager.persist(syllabus);

		CourseOffering offering = offering(course, Term.of(2026, Season.AUTUMN), "2026-10-26", "2027-01-15", "50688",
				50);
		offering.setStudyForm(50, "KTH Campus", FormOfStudy.EVENING, "en");
		offering.setAdmission(60, Audience.SINGLE_COURSE,
				"For applicants outside KTH's programmes who meet the specific prerequisites; teaching is in the "
						+ "evenings.",
				List.of());
		offering.addPeriod(Term.of(2026, Season.AUTUMN), "P2", new BigDecimal("7.5"));
		this.entityManager.persist(offering);
		return course;
	}

	private Course degreeProject(Institution kth) {
		Course course = course(kth, "DA233X", "Degree Project in Machine Learning, Second Cycle", "30.0",
				EducationCycle.SECOND, GradingScale.P_F, "Computer Science and Engineering", EECS,
				"An independent research or development project at a university or company, ending in a thesis.");
		Syllabus syllabus = new Syllabus(course, Term.of(2025, Season.AUTUMN));
		syllabus.setContentsAndOutcomes("""
				The student carries out an independent project in machine learning, in academia or industry, \
				under the guidance of a supervisor, and reports it in a thesis that is presented and discussed \
				at a seminar.""", """
				After the project, the student should be able to:
				- formulate a research question and plan the work needed to answer it
				- apply methods from the programme independently and critically
				- present the results in writing and orally to specialists and to a general audience""");
		syllabus.addPrerequisite("At least 60 credits of second-cycle courses in the programme, including the "
				+ "compulsory first-term courses.", List.of("DD2421", "DD2434", "DA2210"));
		syllabus.addModule("XUPP", "Degree project", new BigDecimal("30.0"), GradingScale.P_F);
		syllabus.setSupplementary(DEMO_SYLLABUS_NOTE);
		this.entityManager.persist(syllabus);

		CourseOffering offering = offering(course, Term.of(2027, Season.SPRING), "2027-01-18", "2027-06-07", "60990",
				100);
		offering.setAdmission(null, Audience.PROGRAMME_STUDENTS, null, List.of("TMAIM"));
		offering.addPeriod(Term.of(2027, Season.SPRING), "P3", new BigDecimal("15.0"));
		offering.addPeriod(Term.of(2027, Season.SPRING), "P4", new BigDecimal("15.0"));
		this.entityManager.persist(offering);
		return course;
	}

	/** Not in the plan: it exists so that DD2424's linear algebra prerequisite links. */
	private void algebraAndGeometry(Institution kth) {
		Course course = course(kth, "SF1624", "Algebra and Geometry", "7.5", EducationCycle.FIRST, GradingScale.A_F,
				"Mathematics, Technology", "School of Engineering Sciences",
				"Linear algebra with geometric meaning: vectors, matrices, linear maps and eigenvalues.");
		Syllabus syllabus = new Syllabus(course, Term.of(2025, Season.AUTUMN));
		syllabus.setContentsAndOutcomes("""
				- Vectors, lines and planes
				- Systems of linear equations and matrices
				- Linear maps, determinants and eigenvalues
				- Least squares and orthogonality""", """
				After the course, the student should be able to:
				- solve systems of linear equations and interpret the solutions geometrically
				- work with linear maps and their matrices
				- use eigenvalues and orthogonality in applied problems""");
		syllabus.addModule("TEN1", "Written examination", new BigDecimal("6.0"), GradingScale.A_F);
		syllabus.addModule("SEM1", "Seminars", new BigDecimal("1.5"), GradingScale.P_F);
		syllabus.setSupplementary(DEMO_SYLLABUS_NOTE);
		this.entityManager.persist(syllabus);

		CourseOffering offering = offering(course, Term.of(2027, Season.SPRING), "2027-01-18", "2027-03-19", "60035",
				50);
		offering.setStudyForm(50, "KTH Campus", FormOfStudy.DAYTIME, "sv");
		offering.setAdmission(400, Audience.ALL, null, List.of());
		offering.addPeriod(Term.of(2027, Season.SPRING), "P3", new BigDecimal("7.5"));
		this.entityManager.persist(offering);
	}

	// Southampton

	private void loadSouthampton(Map<String, DemoRound> moving) {
		Institution southampton = institution("southampton", "University of Southampton", "GB",
				DemoRoundCalendar.LONDON, "GBP", "Southampton", List.of("Highfield"), "https://www.southampton.ac.uk");
		southampton.setAwardingBody("University of Southampton");
		southampton.setFeeExemptCountries(List.of("GB"));
		southampton.setContacts("admissions@southampton.demo.prospectus.example", null,
				"University of Southampton\nUniversity Road\nSouthampton SO17 1BJ\nUnited Kingdom",
				"dataprotection@southampton.demo.prospectus.example");
		// A university that keeps admitted students' applications for three years.
		southampton.setRetention(6, 12, 36);
		southampton.setRegulatorNote("In England, the Office for Students (OfS) regulates the university's courses.");

		Programme ml = programme(southampton, "MSC-ML", SOUTHAMPTON_PROGRAMME, "Machine Learning", "Master of Science",
				ProgrammeLevel.MASTER, "180", CreditSystem.UK_CREDITS, 12, 100, StudyMode.CAMPUS, "en",
				"A one-year MSc in the theory and practice of modern machine learning, from deep learning to "
						+ "reinforcement learning, for graduates with a computing or mathematical background.");
		ml.setCampus("Highfield");
		// The seed page's fact, kept as published even when a later entry is open.
		// The month of the seed page's start; the year follows from the current round.
		ml.setStartTerm("September");
		ml.setSections("""
				This full-time, one-year course pairs a firm mathematical grounding with the engineering needed to \
				turn data and algorithms into systems that work, with particular attention to deep learning and \
				reinforcement learning.

				It suits graduates in computing, mathematics or a neighbouring subject who want to specialise in \
				the methods and models of AI. Teaching draws on the department's research in fields such as \
				natural language processing, computer vision and optimisation.""", """
				You begin with the foundations: probability, linear algebra and statistical learning theory. Later \
				modules turn to deep neural networks, Bayesian methods, active learning and reinforcement \
				learning, and to building models that scale to large, complex data sets.

				By the end of the course you will:
				- understand the main machine learning and deep learning techniques in depth
				- be able to analyse data sets and judge models with suitable metrics
				- implement, train and test your own models with current software tools
				- be familiar with open research questions in machine learning

				Optional modules let you follow your own interests, for example data mining, natural language \
				processing, computer vision or optimisation for machine learning. Which options run depends on \
				the department's current research and teaching.""", """
				An individual research project makes up a large part of the degree. With an academic supervisor \
				you study one question in depth, for example by building or evaluating a new method, or by \
				examining how a model reaches its decisions.

				You plan and carry out the study from the first question to the final report, and come away with \
				work you can show when applying for a PhD or for specialist roles in industry.""", null);
		ml.setTopics(List.of("Machine learning", "Deep learning", "Reinforcement learning", "Bayesian methods",
				"Natural language processing", "Computer vision", "Optimisation"));
		ml.setCareerTitles(List.of("Machine learning engineer", "Data scientist", "Research scientist"));
		ml.setEntry("2:1 degree",
				"An upper second-class honours degree (2:1), or an international equivalent, in computing, "
						+ "mathematics or a related subject with a substantial mathematical component.",
				"IELTS Academic 6.5 overall with at least 6.0 in each part, or an equivalent English test.");
		ml.setTuition(Money.of("32000", "GBP"), TuitionPeriod.PER_YEAR,
				"For international students; the fee for UK students is lower.");
		ml.setApplicationFee(null, "There is no application fee.");
		ml.setContact("Antonia Marcu", "pg-machine-learning@southampton.example.org", null);
		ml.publish();
		this.entityManager.persist(new ProgrammeDocument(ml, SOUTHAMPTON_PROGRAMME + "-course-description.pdf",
				"application/pdf", courseDescriptionPdf()));

		round(southampton, SOUTHAMPTON_CURRENT_ROUND, moving.get(SOUTHAMPTON_CURRENT_ROUND), ml).setChoiceLimit(1);
	}

	/**
	 * A small but real PDF, generated here so that the repository holds no binary and the
	 * download is a document a browser can open.
	 */
	static byte[] courseDescriptionPdf() {
		List<String> lines = List.of("University of Southampton - demonstration document",
				"Award: Master of Science (MSc). Length: one year, full-time. Campus: Highfield.", "",
				"Structure: core modules on the foundations of machine learning, optional modules",
				"chosen from the department's current offer, and an individual research project.", "",
				"Teaching: lectures, laboratory sessions and supervised project work.",
				"Assessment: coursework, examinations and a written project report.", "",
				"Generated by the Prospectus demo loader. This is not an official university document.");
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			document.getDocumentInformation().setTitle("MSc Machine Learning - Course Description Document");
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 16);
				content.newLineAtOffset(56, PDRectangle.A4.getHeight() - 72);
				content.showText("MSc Machine Learning - Course Description Document");
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
				content.setLeading(16);
				content.newLine();
				for (String line : lines) {
					content.newLine();
					content.showText(line);
				}
				content.endText();
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not generate the demo course description", ex);
		}
	}

	// Northbridge Institute of Technology (invented)

	private void loadNorthbridge(Map<String, DemoRound> moving) {
		Institution northbridge = institution("northbridge", "Northbridge Institute of Technology", "NL", AMSTERDAM,
				"EUR", "Rotterdam", List.of("Harbour Campus"), "https://northbridge.example.org");
		String euNote = "For students from outside the EU/EEA; EU/EEA students pay the lower statutory fee.";

		Programme dataScience = programme(northbridge, "MDS", "northbridge-msc-data-science", "Data Science",
				"Master of Science", ProgrammeLevel.MASTER, "120", CreditSystem.ECTS, 24, 100, StudyMode.CAMPUS, "en",
				"Two years of statistics, machine learning and data engineering, with projects for port, energy "
						+ "and logistics partners in the Rotterdam region.");
		dataScience.setCampus("Harbour Campus");
		dataScience.setStartTerm("September");
		dataScience.setSections("""
				The programme treats data science as a craft with three parts: asking a question the data can \
				answer, building a reliable pipeline to answer it, and explaining the result to the people who \
				must act on it.""", """
				- Statistical inference and experimental design
				- Machine learning for tabular, text and time-series data
				- Data engineering: storage, pipelines and cloud platforms
				- Visualisation and communication""", """
				In the second year you spend a full term on a thesis project, usually with an industrial \
				partner.""", """
				Graduates work as data scientists, data engineers and analytics consultants, in industry and in \
				the public sector.""");
		dataScience
			.setTopics(List.of("Data science", "Machine learning", "Statistics", "Data engineering", "Visualisation"));
		dataScience.setCareerTitles(List.of("Data scientist", "Data engineer", "Analytics consultant"));
		dataScience.setTuition(Money.of("18900", "EUR"), TuitionPeriod.PER_YEAR, euNote);
		dataScience.setContact(null, "datascience@northbridge.example.org", "https://northbridge.example.org/mds");
		dataScience.publish();

		Programme ai = programme(northbridge, "MAI", "northbridge-msc-artificial-intelligence",
				"Artificial Intelligence", "Master of Science", ProgrammeLevel.MASTER, "120", CreditSystem.ECTS, 24,
				100, StudyMode.CAMPUS, "en",
				"A broad master's in artificial intelligence: learning, reasoning, planning and agents that act "
						+ "together, with room to specialise in the second year.");
		ai.setCampus("Harbour Campus");
		ai.setStartTerm("September or February");
		ai.setSections("""
				Artificial intelligence is more than machine learning. This programme also covers knowledge \
				representation, planning and multi-agent systems, so that you can judge which approach a problem \
				really needs.""", """
				The first year is shared by all students. In the second year you choose a specialisation in \
				learning systems, autonomous agents or human-centred AI, followed by a thesis.""", null, null);
		ai.setTopics(List.of("Artificial intelligence", "Machine learning", "Deep learning", "Knowledge representation",
				"Planning", "Multi-agent systems"));
		ai.setCareerTitles(List.of("AI engineer", "Research engineer", "Software engineer"));
		ai.setTuition(Money.of("18900", "EUR"), TuitionPeriod.PER_YEAR, euNote);
		ai.publish();

		Programme robotics = programme(northbridge, "MROB", "northbridge-msc-robotics", "Robotics", "Master of Science",
				ProgrammeLevel.MASTER, "120", CreditSystem.ECTS, 24, 100, StudyMode.HYBRID, "en",
				"Perception, control and learning for robots that work alongside people, taught partly online and "
						+ "partly in the Harbour Campus robot lab.");
		robotics.setCampus("Harbour Campus");
		robotics.setSections("""
				Lectures are online; lab weeks on campus each term give you hands-on time with mobile robots and \
				manipulators.""", """
				- Kinematics, dynamics and control
				- Robot perception and computer vision
				- Reinforcement learning for control
				- Embedded and real-time systems""", null, null);
		robotics
			.setTopics(List.of("Robotics", "Control", "Computer vision", "Reinforcement learning", "Embedded systems"));
		robotics.setTuition(Money.of("19800", "EUR"), TuitionPeriod.PER_YEAR, euNote);
		robotics.publish();

		Programme bachelor = programme(northbridge, "BDSAI", "northbridge-bsc-data-science-ai",
				"Data Science en Kunstmatige Intelligentie", "Bachelor of Science", ProgrammeLevel.BACHELOR, "180",
				CreditSystem.ECTS, 36, 100, StudyMode.CAMPUS, "nl",
				"A three-year bachelor's, taught in Dutch, in programming, mathematics and the foundations of data "
						+ "science and artificial intelligence.");
		bachelor.setCampus("Harbour Campus");
		bachelor.setStartTerm("September");
		bachelor.setSections("""
				The first year builds the basics in programming, calculus, linear algebra and statistics. From the \
				second year the focus shifts to machine learning, databases and AI, and the third year ends with a \
				group project for an external client.""", null, null, null);
		bachelor.setTopics(List.of("Data science", "Artificial intelligence", "Programming", "Statistics"));
		bachelor.setEntry(null, "A Dutch VWO diploma with mathematics B, or an equivalent qualification.",
				"Dutch at level B2 or higher.");
		bachelor.setTuition(Money.of("2600", "EUR"), TuitionPeriod.PER_YEAR, "The statutory fee for EU/EEA students.");
		bachelor.publish();

		Programme nlp = programme(northbridge, "MNLP", "northbridge-msc-natural-language-processing",
				"Natural Language Processing", "Master of Science", ProgrammeLevel.MASTER, "60", CreditSystem.ECTS, 24,
				50, StudyMode.ONLINE, "en",
				"A part-time online master's in language technology for working professionals, from text "
						+ "classification to large language models.");
		nlp.setSections("""
				Everything is online: recorded lectures, weekly live seminars and projects you can run on your own \
				laptop or on the institute's cloud credits. Expect about twenty hours of study a week.""", """
				- Linguistic foundations for computing
				- Text classification and information extraction
				- Language models and their evaluation
				- Speech and multilingual processing""", """
				The final project is usually done at your own employer, on a language problem from your work.""", null);
		nlp.setTopics(List.of("Natural language processing", "Machine learning", "Deep learning", "Speech technology"));
		nlp.setCareerTitles(List.of("NLP engineer", "Computational linguist", "Data scientist"));
		nlp.setTuition(Money.of("14500", "EUR"), TuitionPeriod.TOTAL,
				"For the whole programme, the same for all students.");
		nlp.publish();

		Programme health = programme(northbridge, "MHDS", "northbridge-msc-health-data-science", "Health Data Science",
				"Master of Science", ProgrammeLevel.MASTER, "90", CreditSystem.ECTS, 36, 50, StudyMode.HYBRID, "en",
				"Statistics and machine learning for clinical and public-health data, part-time over three years "
						+ "with one campus day a week.");
		health.setCampus("Harbour Campus");
		health.setSections("""
				Designed with two partner hospitals for people already working in health care or life sciences \
				who want to analyse the data they see every day.""", null, """
				The thesis uses real, anonymised data from a partner hospital.""", null);
		health.setTopics(List.of("Health data", "Statistics", "Machine learning", "Epidemiology"));
		health.setTuition(Money.of("11200", "EUR"), TuitionPeriod.PER_YEAR, euNote);
		health.publish();

		// A draft: in an open round on purpose, so that tests can check it never leaks.
		Programme draft = programme(northbridge, "MQML", "northbridge-msc-quantum-machine-learning",
				"Quantum Machine Learning", "Master of Science", ProgrammeLevel.MASTER, "120", CreditSystem.ECTS, 24,
				100, StudyMode.CAMPUS, "en",
				"Draft: a planned programme on learning algorithms for quantum computers. Not yet published.");
		draft.setTopics(List.of("Quantum computing", "Machine learning"));

		Programme retired = programme(northbridge, "MBAN", "northbridge-msc-business-analytics", "Business Analytics",
				"Master of Science", ProgrammeLevel.MASTER, "60", CreditSystem.ECTS, 12, 100, StudyMode.CAMPUS, "en",
				"A one-year master's in analytics for business decisions. Its last students were admitted in the "
						+ "past intake; it has been replaced by the MSc in Data Science.");
		retired.setTopics(List.of("Business analytics", "Statistics"));
		retired.retire();

		round(northbridge, "northbridge-current-intake", moving.get("northbridge-current-intake"), dataScience, ai,
				bachelor, nlp, health, draft);
		round(northbridge, "northbridge-next-intake", moving.get("northbridge-next-intake"), robotics, ai);
		round(northbridge, "northbridge-past-intake", moving.get("northbridge-past-intake"), dataScience, retired);
	}

	// Lakeshore University (invented)

	private void loadLakeshore(Map<String, DemoRound> moving) {
		Institution lakeshore = institution("lakeshore", "Lakeshore University", "CA", TORONTO, "CAD", "Toronto",
				List.of("Lakeshore Campus", "Downtown Centre"), "https://lakeshore.example.org");
		String international = "For international students; Canadian citizens and permanent residents " + "pay less.";

		Programme vision = programme(lakeshore, "MSC-CV", "lakeshore-msc-computer-vision", "Computer Vision",
				"Master of Science", ProgrammeLevel.MASTER, "30", CreditSystem.US_CREDITS, 16, 100, StudyMode.CAMPUS,
				"en", "Sixteen months of vision research and engineering, from 3D reconstruction to video "
						+ "understanding, ending with a research paper.");
		vision.setCampus("Lakeshore Campus");
		vision.setSections("""
				A research-oriented master's in a lab that works closely with local imaging and autonomous-driving \
				companies.""", """
				- Geometry of multiple views
				- Deep learning for images and video
				- 3D reconstruction and scene understanding""", """
				A four-month research project, written up as a paper and presented at the lab's spring \
				workshop.""", null);
		vision.setTopics(List.of("Computer vision", "Deep learning", "3D reconstruction", "Machine learning"));
		vision.setCareerTitles(List.of("Computer vision engineer", "Research engineer"));
		vision.setTuition(Money.of("42000", "CAD"), TuitionPeriod.TOTAL, international);
		vision.publish();

		Programme statistics = programme(lakeshore, "MSC-STAT", "lakeshore-msc-statistics", "Statistics",
				"Master of Science", ProgrammeLevel.MASTER, "30", CreditSystem.US_CREDITS, 12, 100, StudyMode.CAMPUS,
				"en", "An intensive one-year master's in modern statistics: Bayesian modelling, computation and the "
						+ "theory behind machine learning.");
		statistics.setCampus("Lakeshore Campus");
		statistics.setSections("""
				Three terms of coursework and a summer consulting project with a real client from the \
				university's statistical consulting centre.""", """
				- Bayesian methods and hierarchical models
				- Statistical computing
				- Statistical learning theory
				- Causal inference""", null, null);
		statistics.setTopics(List.of("Statistics", "Bayesian methods", "Statistical modelling", "Machine learning"));
		statistics.setCareerTitles(List.of("Statistician", "Data scientist", "Biostatistician"));
		statistics.setEntry("B+ average in the final two years",
				"An honours bachelor's degree in statistics, mathematics or a related field.", null);
		statistics.setTuition(Money.of("36500", "CAD"), TuitionPeriod.TOTAL, international);
		statistics.setApplicationFee(Money.of("125", "CAD"), "Not refundable.");
		statistics.publish();

		Programme bioinformatics = programme(lakeshore, "MSC-BINF", "lakeshore-msc-bioinformatics", "Bioinformatics",
				"Master of Science", ProgrammeLevel.MASTER, "36", CreditSystem.US_CREDITS, 24, 100, StudyMode.HYBRID,
				"en", "Computational methods for genomics and molecular biology, with wet-lab partners at the Downtown "
						+ "Centre and most lectures online.");
		bioinformatics.setCampus("Downtown Centre");
		bioinformatics.setSections(null, """
				- Sequence analysis and genomics
				- Machine learning for biological data
				- Structural bioinformatics""", null, null);
		bioinformatics.setTopics(List.of("Bioinformatics", "Genomics", "Machine learning", "Statistics"));
		bioinformatics.publish();

		Programme french = programme(lakeshore, "MAIA", "lakeshore-maitrise-intelligence-artificielle",
				"Intelligence artificielle appliquée", "Maîtrise ès sciences", ProgrammeLevel.MASTER, "45",
				CreditSystem.US_CREDITS, 24, 100, StudyMode.CAMPUS, "fr",
				"A two-year master's in applied artificial intelligence, taught in French at the Downtown Centre "
						+ "for francophone students.");
		french.setCampus("Downtown Centre");
		french.setStartTerm("September");
		french.setTopics(List.of("Artificial intelligence", "Machine learning", "Natural language processing"));
		french.setEntry(null, null, "French at level B2 or higher.");
		french.publish();

		Programme bachelor = programme(lakeshore, "BSC-DS", "lakeshore-bsc-data-science", "Data Science",
				"Bachelor of Science (Honours)", ProgrammeLevel.BACHELOR, "120", CreditSystem.US_CREDITS, 48, 100,
				StudyMode.CAMPUS, "en",
				"A four-year honours degree combining computer science, statistics and a co-op term with an "
						+ "employer.");
		bachelor.setCampus("Lakeshore Campus");
		bachelor.setStartTerm("September");
		bachelor.setSections("""
				Years one and two lay the foundations in programming, calculus and statistics. Years three and four \
				add machine learning, databases and ethics, with a paid co-op term in industry.""", null, null, null);
		bachelor.setTopics(List.of("Data science", "Statistics", "Programming", "Machine learning"));
		bachelor.setTuition(Money.of("38000", "CAD"), TuitionPeriod.PER_YEAR, international);
		bachelor.publish();

		Programme certificate = programme(lakeshore, "GC-AML", "lakeshore-certificate-applied-machine-learning",
				"Applied Machine Learning", "Graduate Certificate", ProgrammeLevel.OTHER, "12", CreditSystem.US_CREDITS,
				12, 50, StudyMode.ONLINE, "en",
				"A part-time online certificate for working developers who want to build and deploy machine "
						+ "learning models.");
		certificate.setSections(null, """
				- Practical machine learning with Python
				- Model deployment and monitoring
				- Responsible and fair machine learning""", null, null);
		certificate.setTopics(List.of("Machine learning", "MLOps", "Programming"));
		certificate.setTuition(Money.of("9800", "CAD"), TuitionPeriod.TOTAL, "The same for all students.");
		certificate.publish();

		Programme engineering = programme(lakeshore, "MENG-AI", "lakeshore-meng-artificial-intelligence",
				"Artificial Intelligence Engineering", "Master of Engineering", ProgrammeLevel.MASTER, "30",
				CreditSystem.US_CREDITS, 18, 100, StudyMode.HYBRID, "en",
				"A professional master's in building AI systems that are reliable in production, with an "
						+ "industry capstone.");
		engineering.setCampus("Downtown Centre");
		engineering.setSections(null, null, """
				A two-term capstone with an industry partner replaces the thesis.""", """
				Graduates join engineering teams as machine learning engineers and AI platform engineers.""");
		engineering.setTopics(List.of("Artificial intelligence", "Machine learning", "MLOps", "Software engineering"));
		engineering.setCareerTitles(List.of("Machine learning engineer", "AI platform engineer"));
		engineering.setTuition(Money.of("31000", "CAD"), TuitionPeriod.PER_YEAR, international);
		engineering.publish();

		round(lakeshore, "lakeshore-current-intake", moving.get("lakeshore-current-intake"), statistics, bachelor,
				certificate, engineering)
			.setChoiceLimit(3);
		round(lakeshore, "lakeshore-closed-intake", moving.get("lakeshore-closed-intake"), vision, bioinformatics)
			.setChoiceLimit(3);
		round(lakeshore, "lakeshore-upcoming-intake", moving.get("lakeshore-upcoming-intake"), french)
			.setChoiceLimit(3);
	}

	// Building blocks

	/** The EU, the EEA and Switzerland: who pays no application fee in Sweden. */
	static final List<String> EU_EEA_CH = List.of("AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
			"FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE",
			"SI", "SK");

	private Institution institution(String slug, String name, String countryCode, ZoneId zone, String currency,
			String city, List<String> campuses, String website) {
		Institution institution = new Institution(slug, name, countryCode, zone, Currency.getInstance(currency));
		institution.setCity(city);
		institution.setCampuses(campuses);
		institution.setWebsite(website);
		this.entityManager.persist(institution);
		return institution;
	}

	/**
	 * A programme with what every programme needs, persisted at once so that
	 * testimonials, documents and plan entries can refer to it. It stays a draft until
	 * published.
	 */
	private Programme programme(Institution institution, String code, String slug, String title, String award,
			ProgrammeLevel level, String credits, CreditSystem creditSystem, int durationMonths, int pacePercent,
			StudyMode mode, String language, String summary) {
		Programme programme = new Programme(institution, code, slug, title);
		programme.setAward(award, level, new BigDecimal(credits), creditSystem);
		programme.setStudyForm(durationMonths, pacePercent, mode, language);
		programme.setSummary(summary);
		this.entityManager.persist(programme);
		return programme;
	}

	/** A published KTH-style course counted in ECTS credits. */
	private Course course(Institution institution, String code, String title, String credits, EducationCycle cycle,
			GradingScale gradingScale, String mainField, String offeredBy, String summary) {
		Course course = new Course(institution, code, title, new BigDecimal(credits), CreditSystem.ECTS);
		course.setSummary(summary);
		course.setFacts(mainField, cycle, gradingScale, null, offeredBy);
		course.publish();
		this.entityManager.persist(course);
		return course;
	}

	/**
	 * A daytime offering in English at KTH Campus, the common case; callers adjust the
	 * rest.
	 */
	private CourseOffering offering(Course course, Term term, String startDate, String endDate, String applicationCode,
			int pacePercent) {
		CourseOffering offering = new CourseOffering(course, term, LocalDate.parse(startDate), LocalDate.parse(endDate),
				applicationCode);
		offering.setStudyForm(pacePercent, "KTH Campus", FormOfStudy.DAYTIME, "en");
		return offering;
	}

	private void plan(Programme programme, Course course, int studyYear, Season term, PlanCategory category,
			String track, int position) {
		PlanEntry entry = new PlanEntry(programme, course, studyYear, term, category);
		entry.setTrack(track);
		entry.setPosition(position);
		this.entityManager.persist(entry);
	}

	private ApplicationRound round(Institution institution, String slug, DemoRound round, Programme... programmes) {
		return round(institution, slug, round.name(), round.schedule(), programmes);
	}

	private ApplicationRound round(Institution institution, String slug, String name, RoundSchedule schedule,
			Programme... programmes) {
		ApplicationRound round = new ApplicationRound(institution, slug, name, schedule);
		for (Programme programme : programmes) {
			round.admitTo(programme);
		}
		this.entityManager.persist(round);
		return round;
	}

	/**
	 * The KTH courses that make up TMAIM's plan.
	 */
	private record KthCourses(Course deepLearning, Course machineLearning, Course artificialIntelligence,
			Course advancedMachineLearning, Course researchMethodology, Course computerVision, Course neuralNetworks,
			Course degreeProject) {
	}

	/**
	 * How much of the catalogue is in the database.
	 *
	 * @param institutions institutions
	 * @param programmes programmes in any state
	 * @param publishedProgrammes published programmes
	 * @param courses courses in any state
	 * @param rounds application rounds
	 * @param openRounds rounds open for applications now
	 */
	public record DemoCounts(long institutions, long programmes, long publishedProgrammes, long courses, long rounds,
			long openRounds) {
	}

}

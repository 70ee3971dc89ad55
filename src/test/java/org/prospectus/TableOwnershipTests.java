package org.prospectus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every table belongs to one module, and a module's SQL, JPQL and {@link EntityManager}
 * calls name only its own tables and entities (ADR 0032). The modules' Java checks
 * ({@link ModularityTests}) see types, not the text of a query, so without this rule one
 * module could read or write another's rows by name and no check would notice.
 *
 * <p>
 * A module reads another's rows through that module's Java API or through a view its
 * owner creates for it, named {@code <owner>_<what>_for_<reader>} (for example
 * {@code applications_queue_for_review}): the owner's contract with one reader, column by
 * column. Only that reader may name it.
 *
 * <p>
 * {@code privacy} is the one exception, by design (ADR 0019): it is the one place that
 * removes a person's data from every module's tables.
 */
class TableOwnershipTests {

	/** Who owns which table: each module's own data. */
	static final Map<String, Set<String>> OWNERS = Map.ofEntries(
			Map.entry("account",
					Set.of("account_token", "sign_in_attempt", "staff_membership", "staff_role", "staff_user")),
			Map.entry("applicant", Set.of("applicant", "applicant_token", "mail_request")),
			Map.entry("applications",
					Set.of("application", "application_choice", "application_document", "application_document_check",
							"deadline_exception", "payment_event")),
			Map.entry("audit", Set.of("audit_event", "audit_change")),
			Map.entry("course",
					Set.of("course", "course_offering", "examination_module", "offering_period", "syllabus",
							"syllabus_prerequisite")),
			Map.entry("decisions",
					Set.of("application_note", "offer", "offer_condition", "programme_places", "round_promotion")),
			Map.entry("guide", Set.of("guide_entry", "guide_section")),
			Map.entry("reading", Set.of("application_read", "review_criterion", "review_plan")),
			Map.entry("references", Set.of("reference_document", "reference_recount", "reference_request")),
			Map.entry("institution", Set.of("institution")),
			Map.entry("intake", Set.of("application_round", "round_programme")),
			Map.entry("mail", Set.of("mail_attachment", "mail_outbox")),
			Map.entry("programme",
					Set.of("career", "programme", "programme_career", "programme_document", "programme_document_draft",
							"programme_plan_entry", "programme_testimonial", "programme_year")),
			Map.entry("search", Set.of("search_word")),
			Map.entry("site",
					Set.of("admission_key", "event_publication", "spring_session", "spring_session_attributes")),
			Map.entry("staging", Set.of("catalogue_version", "pending_revision", "scheduled_publication")));

	/** The module that removes a person's data everywhere (ADR 0019). */
	static final String EVERYWHERE = "privacy";

	private static final Path SOURCES = Path.of("src/main/java/org/prospectus");

	private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);

	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	private static final Pattern SQL_NAME = Pattern.compile(
			"\\b(?:from|join|update|into|delete\\s+from|table)\\s+([a-z_][a-z0-9_]*)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern JPQL_NAME = Pattern.compile("\\b(?:from|join|update)\\s+([A-Z]\\w*)\\b");

	private static final Pattern VIEW = Pattern.compile("([a-z]+)(?:_\\w+)?_for_([a-z]+)");

	@Test
	void everyTableHasOneOwner() throws IOException {
		Set<String> created = created("table");
		Map<String, String> owners = owners();
		assertThat(created).allSatisfy((table) -> assertThat(owners).as(table + " has an owner").containsKey(table));
		assertThat(owners.keySet()).as("every owned table exists").isSubsetOf(created);
	}

	@Test
	void everyViewNamesItsOwnerAndItsReader() throws IOException {
		assertThat(created("view")).allSatisfy((view) -> {
			Matcher name = VIEW.matcher(view);
			assertThat(name.matches()).as(view + " is named <owner>_<what>_for_<reader>").isTrue();
			assertThat(OWNERS).as(view + "'s owner").containsKey(name.group(1));
			assertThat(Files.isDirectory(SOURCES.resolve(name.group(2)))).as(view + "'s reader is a module").isTrue();
		});
	}

	/** The names of the tables or views the migrations create. */
	private static Set<String> created(String kind) throws IOException {
		Set<String> created = new TreeSet<>();
		Pattern create = Pattern.compile("create (?:or replace )?" + kind + " (?:if not exists )?([a-z_]+)",
				Pattern.CASE_INSENSITIVE);
		try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
			for (Path migration : migrations.toList()) {
				Matcher matcher = create.matcher(Files.readString(migration));
				while (matcher.find()) {
					created.add(matcher.group(1).toLowerCase(Locale.ROOT));
				}
			}
		}
		return created;
	}

	@Test
	void aModuleQueriesOnlyItsOwnTables() throws IOException {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.prospectus");
		Map<String, JavaClass> entities = new TreeMap<>();
		classes.stream()
			.filter((type) -> type.isAnnotatedWith(Entity.class))
			.forEach((type) -> entities.put(type.getSimpleName(), type));
		Set<String> found = new TreeSet<>(foreignNamesInQueries(entities));
		found.addAll(foreignEntitiesHandedToEntityManagers(classes));
		assertThat(found).as("queries that name another module's table: use what that module offers").isEmpty();
	}

	/**
	 * {@code module/File: name} for each table or entity of another module that a file's
	 * SQL or JPQL names, views offered to its module excepted.
	 */
	private static List<String> foreignNamesInQueries(Map<String, JavaClass> entities) throws IOException {
		Map<String, String> owners = owners();
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String module = SOURCES.relativize(file).getName(0).toString();
				if (module.equals(EVERYWHERE) || module.endsWith(".java")) {
					continue;
				}
				String place = module + "/" + file.getFileName().toString().replace(".java", "") + ": ";
				for (String text : literals(Files.readString(file))) {
					Matcher sql = SQL_NAME.matcher(text);
					while (sql.find()) {
						String table = sql.group(1).toLowerCase(Locale.ROOT);
						Matcher view = VIEW.matcher(table);
						String owner = view.matches() ? view.group(1) : owners.get(table);
						boolean reader = view.matches() && view.group(2).equals(module);
						if (owner != null && !owner.equals(module) && !reader) {
							found.add(place + table);
						}
					}
					Matcher jpql = JPQL_NAME.matcher(text);
					while (jpql.find()) {
						JavaClass entity = entities.get(jpql.group(1));
						if (entity != null && !ArchitectureTests.module(entity).equals(module)) {
							found.add(place + entity.getSimpleName());
						}
					}
				}
			}
		}
		return found;
	}

	/**
	 * {@code module/Class: Entity} for each entity of another module whose class a class
	 * that uses an {@link EntityManager} names.
	 */
	private static List<String> foreignEntitiesHandedToEntityManagers(JavaClasses classes) {
		List<String> found = new ArrayList<>();
		for (JavaClass type : classes) {
			String module = ArchitectureTests.module(type);
			if (module.isEmpty() || module.equals(EVERYWHERE)) {
				continue;
			}
			boolean usesEntityManager = type.getMethodCallsFromSelf()
				.stream()
				.anyMatch((call) -> call.getTargetOwner().isAssignableTo(EntityManager.class));
			if (usesEntityManager) {
				type.getCodeUnits()
					.stream()
					.flatMap((unit) -> unit.getReferencedClassObjects().stream())
					.map((reference) -> reference.getRawType())
					.filter((referenced) -> referenced.isAnnotatedWith(Entity.class)
							&& !ArchitectureTests.module(referenced).equals(module))
					.forEach((referenced) -> found
						.add(module + "/" + outermost(type) + ": " + referenced.getSimpleName()));
			}
		}
		return found;
	}

	private static String outermost(JavaClass type) {
		JavaClass outer = type;
		while (outer.getEnclosingClass().isPresent()) {
			outer = outer.getEnclosingClass().get();
		}
		return outer.getSimpleName();
	}

	/** The string literals and text blocks of a source file. */
	private static List<String> literals(String source) {
		List<String> texts = new ArrayList<>();
		Matcher blocks = TEXT_BLOCK.matcher(source);
		while (blocks.find()) {
			texts.add(blocks.group(1));
		}
		Matcher literals = LITERAL.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
		while (literals.find()) {
			texts.add(literals.group(1));
		}
		return texts;
	}

	private static Map<String, String> owners() {
		Map<String, String> owners = new TreeMap<>();
		OWNERS.forEach((module, tables) -> tables.forEach((table) -> owners.put(table, module)));
		return owners;
	}

}

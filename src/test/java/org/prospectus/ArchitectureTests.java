package org.prospectus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.prospectus.applications.Application;
import org.prospectus.applications.ApplicationStatus;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.data.repository.Repository;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RequestMapping;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of the codebase that review alone would let slip: what is bound from requests,
 * how passwords are handled, which services guard themselves, and how the modules (the
 * top-level packages) may depend on each other. {@link ModularityTests} checks each
 * module's declared dependencies; these rules hold whatever a module declares.
 */
class ArchitectureTests {

	/** The shared kernels, open modules that every module may use whole. */
	static final Set<String> KERNELS = Set.of("support", "web");

	static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.prospectus");
	}

	@Test
	void noHandlerTakesAnEntityFromTheRequest() {
		methods().that()
			.areMetaAnnotatedWith(RequestMapping.class)
			.should(new ArchCondition<JavaMethod>("take no JPA entity as a parameter (bind form objects instead)") {
				@Override
				public void check(JavaMethod method, ConditionEvents events) {
					for (JavaParameter parameter : method.getParameters()) {
						if (parameter.getRawType().isAnnotatedWith(Entity.class)) {
							events.add(SimpleConditionEvent.violated(method,
									method.getFullName() + " takes the entity " + parameter.getRawType().getName()));
						}
					}
				}
			})
			.check(classes);
	}

	@Test
	void passwordsAreNeverStoredInPlainOrWithAPlainDigest() {
		noClasses().should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.security.crypto.password.NoOpPasswordEncoder")
			.check(classes);
		noClasses().that()
			.doNotHaveFullyQualifiedName("org.prospectus.account.Tokens")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.security.MessageDigest")
			.because("tokens are hashed in one place; passwords only by the PasswordEncoder")
			.check(classes);
	}

	@Test
	void staffServicesGuardThemselves() {
		classes().that()
			.areAnnotatedWith(Service.class)
			.and()
			.haveSimpleNameEndingWith("Editing")
			.or()
			.haveSimpleNameEndingWith("Publishing")
			.or()
			.haveSimpleName("StaffManagement")
			.should()
			.beAnnotatedWith(PreAuthorize.class)
			.check(classes);
	}

	/**
	 * {@code spring-boot:test-run} scans the test classes, so a test helper declared as a
	 * component would join the developer run (and fail it when it needs MockMvc). Boot
	 * leaves {@code @TestConfiguration} classes out of scanning.
	 */
	@Test
	void testHelpersAreNotComponentsOutsideTheDemoAndTestDatabase() {
		JavaClasses testClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
			.importPackages("org.prospectus");
		noClasses().that()
			.resideOutsideOfPackages("org.prospectus.demo..", "org.prospectus.testdb..")
			.and()
			.areNotAnnotatedWith(TestConfiguration.class)
			.should()
			.beMetaAnnotatedWith(Component.class)
			.because("test beans belong in TestSupportConfiguration, which only integration tests import")
			.check(testClasses);
	}

	@Test
	void repositoriesAndControllersStayInsideTheirFeature() {
		classes().that().areAssignableTo(Repository.class).should().notBePublic().check(classes);
		classes().that().areAnnotatedWith(Controller.class).should().notBePublic().check(classes);
	}

	@Test
	void noTwoModulesDependOnEachOtherInACycle() {
		slices().matching("org.prospectus.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void theSharedKernelsDependOnNoFeature() {
		noClasses().that()
			.resideInAnyPackage("org.prospectus.support..", "org.prospectus.web..")
			.should()
			.dependOnClassesThat(resideInAPackage("org.prospectus..")
				.and(resideOutsideOfPackages("org.prospectus.support..", "org.prospectus.web..")))
			.because("support and web are helpers every module uses, so they can name none of them")
			.check(classes);
	}

	@Test
	void aModuleNeverReachesIntoAnotherModulesRepositories() {
		classes().that()
			.areAssignableTo(Repository.class)
			.should(new ArchCondition<JavaClass>("be used only inside their own module") {
				@Override
				public void check(JavaClass repository, ConditionEvents events) {
					String module = module(repository);
					repository.getDirectDependenciesToSelf()
						.stream()
						.filter((dependency) -> !module.equals(module(dependency.getOriginClass())))
						.forEach((dependency) -> events.add(SimpleConditionEvent.violated(dependency,
								dependency.getDescription() + ": use the module's service instead")));
				}
			})
			.check(classes);
	}

	/**
	 * An application's status moves only where the rule for every move lives,
	 * {@code decisions.StatusMoves}, so that a single change, a bulk action and a
	 * promotion cannot drift apart again. The applicant's own submit and withdrawal have
	 * methods of their own.
	 */
	@Test
	void onlyTheDecidingModuleMovesAnApplicationsStatus() {
		noClasses().that()
			.doNotHaveFullyQualifiedName("org.prospectus.decisions.StatusMoves")
			.should()
			.callMethod(Application.class, "moveTo", ApplicationStatus.class, Long.class, String.class, Instant.class,
					Instant.class)
			.check(classes);
	}

	/**
	 * A module reaches another only through what that one offers: the types it marks
	 * {@code @NamedInterface("api")}, which its {@code package-info} describes. Depending
	 * on a module by its bare name would let it reach every public type the module has,
	 * and {@link ModularityTests} could not refuse a reach into its inner parts. The two
	 * shared kernels are open modules: everything public in them is offered.
	 */
	@Test
	void modulesDependOnlyOnWhatOthersOffer() {
		List<String> bare = new ArrayList<>();
		for (JavaPackage module : classes.getPackage("org.prospectus").getSubpackages()) {
			String[] allowed = module.tryGetAnnotationOfType(ApplicationModule.class)
				.map(ApplicationModule::allowedDependencies)
				.orElseThrow(() -> new AssertionError(module.getName() + " declares no allowed dependencies"));
			for (String target : allowed) {
				if (!target.endsWith("::api") && !KERNELS.contains(target)) {
					bare.add(module.getRelativeName() + " -> " + target);
				}
			}
		}
		assertThat(bare).isEmpty();
	}

	/**
	 * Each module's {@code package-info} names every type it offers, so that the list a
	 * reader trusts is the one {@link ModularityTests} enforces.
	 */
	@Test
	void eachModuleSaysWhatItOffers() throws IOException {
		Pattern named = Pattern.compile("\\{@code (\\w+)}");
		for (JavaPackage module : classes.getPackage("org.prospectus").getSubpackages()) {
			if (KERNELS.contains(module.getRelativeName())) {
				continue;
			}
			Set<String> offered = new TreeSet<>();
			module.getClassesInPackageTree()
				.stream()
				.filter((type) -> type.isTopLevelClass() && type.isAnnotatedWith(NamedInterface.class))
				.forEach((type) -> offered.add(type.getSimpleName()));
			String info = Files
				.readString(Path.of("src/main/java", module.getName().replace('.', '/'), "package-info.java"));
			int list = info.indexOf("@NamedInterface(\"api\")}:");
			Set<String> said = new TreeSet<>();
			if (list >= 0) {
				named.matcher(info.substring(list, info.indexOf("*/", list)))
					.results()
					.forEach((match) -> said.add(match.group(1)));
			}
			assertThat(said).as(module.getRelativeName() + "'s package-info names what it offers").isEqualTo(offered);
		}
	}

	/** About 40 files in a package is the sign that it hides two capabilities. */
	@Test
	void noModuleHoldsMoreThanFortyTypes() {
		Map<String, Integer> sizes = new TreeMap<>();
		classes.stream()
			.filter((type) -> type.isTopLevelClass() && !type.getSimpleName().equals("package-info"))
			.forEach((type) -> sizes.merge(type.getPackageName(), 1, Integer::sum));
		assertThat(sizes).allSatisfy((module, size) -> assertThat(size).as(module).isLessThanOrEqualTo(40));
	}

	static String module(JavaClass type) {
		String name = type.getPackageName();
		String rest = name.startsWith("org.prospectus.") ? name.substring("org.prospectus.".length()) : "";
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

	/**
	 * A template gets its values from the model, never by naming a Java type: a
	 * {@code T(...)} expression is a dependency no module check sees (a guide page naming
	 * a programme type), and it ties the page to a class name.
	 */
	@Test
	void noTemplateNamesAJavaType() throws IOException {
		Path templates = Path.of("src/main/resources/templates");
		Pattern typeReference = Pattern.compile("\\bT\\s*\\(");
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(templates)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".html")).toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int line = 0; line < lines.size(); line++) {
					if (typeReference.matcher(lines.get(line)).find()) {
						offenders.add(templates.relativize(file) + ":" + (line + 1));
					}
				}
			}
		}
		assertThat(offenders).as("templates that name a Java type with T(...)").isEmpty();
	}

}

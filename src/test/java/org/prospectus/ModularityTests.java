package org.prospectus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module arrangement, checked: each top-level package is a module, reaches others
 * only through their public types and only where its {@code package-info} allows, and no
 * two modules depend on each other in a cycle. The same model writes the diagrams in
 * {@code docs/modules}, so that they change when the code does.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ProspectusApplication.class);

	/** Every module uses these; drawing their arrows would hide the others. */
	static final Set<String> KERNELS = Set.of("support", "web");

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}

	/**
	 * The diagrams in {@code docs/modules} are the ones the code draws: written afresh
	 * into a scratch folder and compared file by file. With {@code -Dmodules.write=true}
	 * they are written into {@code docs/modules} instead, to commit with the change.
	 */
	@Test
	void theModuleDiagramsDescribeTheModules() throws IOException {
		Path committed = Path.of("docs/modules");
		if (Boolean.getBoolean("modules.write")) {
			write(committed);
			return;
		}
		Path drawn = Files.createTempDirectory("modules");
		write(drawn);
		Set<String> names = new TreeSet<>(fileNames(committed));
		names.addAll(fileNames(drawn));
		List<String> stale = new ArrayList<>();
		for (String name : names) {
			Path mine = committed.resolve(name);
			Path theirs = drawn.resolve(name);
			if (!Files.exists(mine) || !Files.exists(theirs) || Files.mismatch(mine, theirs) != -1) {
				stale.add(name);
			}
		}
		assertThat(stale)
			.as("docs/modules no longer describes the modules: rewrite it with "
					+ "./mvnw test -Dtest=ModularityTests -Dmodules.write=true and commit it")
			.isEmpty();
	}

	private static void write(Path folder) throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		sortRelations(folder);
		Files.writeString(folder.resolve("modules.md"), overview());
	}

	private static List<String> fileNames(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((path) -> path.getFileName().toString()).toList();
		}
	}

	/**
	 * The Documenter writes a diagram's arrows in an order that changes from run to run;
	 * sorted, the files change only when the modules do.
	 */
	private static void sortRelations(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".puml")).toList()) {
				List<String> lines = new ArrayList<>(Files.readAllLines(file));
				int start = 0;
				while (start < lines.size()) {
					int end = start;
					while (end < lines.size() && lines.get(end).startsWith("Rel(")) {
						end++;
					}
					if (end > start) {
						Collections.sort(lines.subList(start, end));
						start = end;
					}
					else {
						start++;
					}
				}
				Files.write(file, lines);
			}
		}
	}

	/**
	 * A Mermaid graph (which GitHub draws) and a table of each module's direct
	 * dependencies, from the same model as the PlantUML files.
	 */
	private static String overview() {
		StringBuilder graph = new StringBuilder();
		StringBuilder table = new StringBuilder();
		for (ApplicationModule module : sorted()) {
			String name = name(module);
			List<String> targets = dependencies(module);
			table.append("| `")
				.append(name)
				.append("` | ")
				.append(targets.isEmpty() ? "nothing"
						: targets.stream().map((t) -> "`" + t + "`").collect(Collectors.joining(", ")))
				.append(" |\n");
			graph.append("  ").append(name).append("\n");
			for (String target : targets) {
				if (!KERNELS.contains(target)) {
					graph.append("  ").append(name).append(" --> ").append(target).append("\n");
				}
			}
		}
		return """
				# Modules and their dependencies

				Written by `ModularityTests` from the compiled code (do not edit by hand). An arrow
				means "uses"; every module may use the shared kernels `support` and `web`, whose
				arrows are left out of the graph. The table lists every direct dependency. What
				each module may use is declared in its `package-info.java` and checked by the same
				test; `docs/architecture.md` explains the layers.

				```mermaid
				flowchart TD
				%s```

				| module | uses |
				|---|---|
				%s""".formatted(graph, table);
	}

	private static List<ApplicationModule> sorted() {
		return modules.stream().sorted(Comparator.comparing(ModularityTests::name)).toList();
	}

	private static List<String> dependencies(ApplicationModule module) {
		return module.getDirectDependencies(modules)
			.uniqueModules()
			.map(ModularityTests::name)
			.filter((target) -> !target.equals(name(module)))
			.distinct()
			.sorted()
			.toList();
	}

	private static String name(ApplicationModule module) {
		return module.getIdentifier().toString();
	}

}

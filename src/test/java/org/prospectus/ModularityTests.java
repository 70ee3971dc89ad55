package org.prospectus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

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

	@Test
	void writesTheModuleDiagramsAndCanvases() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		sortRelations(Path.of("docs/modules"));
		Files.writeString(Path.of("docs/modules/modules.md"), overview());
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
		return modules.stream().sorted(java.util.Comparator.comparing(ModularityTests::name)).toList();
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

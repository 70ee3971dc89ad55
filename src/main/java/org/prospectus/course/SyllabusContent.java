package org.prospectus.course;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A syllabus version's editable content, checked: what a {@link SyllabusForm} says. */
record SyllabusContent(Term validFrom, String contents, String outcomes, String literature, String prerequisitesNote,
		String examinationNotes, String ethicalApproach, String supplementary,
		Map<String, Map<String, String>> translations, List<ModuleContent> modules,
		List<PrerequisiteContent> prerequisites) {

	/**
	 * Writes the content onto a version, replacing its modules and prerequisites. On a
	 * managed version the caller flushes between clearing and adding, since positions and
	 * codes are unique per version.
	 */
	void applyTo(Syllabus syllabus) {
		applyFields(syllabus);
		syllabus.clearModules();
		syllabus.clearPrerequisites();
		addRows(syllabus);
	}

	void applyFields(Syllabus syllabus) {
		syllabus.setValidFrom(this.validFrom);
		syllabus.setContentsAndOutcomes(this.contents, this.outcomes);
		syllabus.setLiterature(this.literature);
		syllabus.setPrerequisitesNote(this.prerequisitesNote);
		syllabus.setExaminationNotes(this.examinationNotes);
		syllabus.setEthicalApproach(this.ethicalApproach);
		syllabus.setSupplementary(this.supplementary);
		syllabus.setTranslations(this.translations);
	}

	void addRows(Syllabus syllabus) {
		for (ModuleContent module : this.modules) {
			syllabus.addModule(module.code(), module.name(), module.credits(), module.gradingScale(),
					module.translations());
		}
		for (PrerequisiteContent prerequisite : this.prerequisites) {
			syllabus.addPrerequisite(prerequisite.description(), prerequisite.equivalentCodes(),
					prerequisite.translations());
		}
	}

	/** A module, its name's translations by language, then {@code name}. */
	record ModuleContent(String code, String name, BigDecimal credits, GradingScale gradingScale,
			Map<String, Map<String, String>> translations) {

	}

	/**
	 * A prerequisite, its description's translations by language, then
	 * {@code description}.
	 */
	record PrerequisiteContent(String description, List<String> equivalentCodes,
			Map<String, Map<String, String>> translations) {

	}

}

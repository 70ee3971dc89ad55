package org.prospectus.web;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordDiffTests {

	private final WordDiff diff = new WordDiff();

	static String text(List<WordDiff.Part> parts, WordDiff.Kind left) {
		return parts.stream()
			.filter((part) -> part.kind() != left)
			.map(WordDiff.Part::text)
			.collect(Collectors.joining());
	}

	@Test
	void marksOnlyTheWordsThatChangedAndRebuildsBothSides() {
		String before = "The course covers supervised learning and convolutional networks.\nExams in March.";
		String after = "The course covers supervised and unsupervised learning and attention.\nExams in March.";
		List<WordDiff.Part> parts = this.diff.between(before, after);
		assertThat(text(parts, WordDiff.Kind.INSERTED)).as("kept and deleted make the text before").isEqualTo(before);
		assertThat(text(parts, WordDiff.Kind.DELETED)).as("kept and inserted make the text after").isEqualTo(after);
		assertThat(parts).filteredOn(WordDiff.Part::isDeleted)
			.extracting((part) -> part.text().strip())
			.containsExactly("convolutional networks.");
		assertThat(parts).filteredOn(WordDiff.Part::isInserted)
			.extracting((part) -> part.text().strip())
			.containsExactly("and unsupervised", "attention.");
		assertThat(parts.get(0)).isEqualTo(new WordDiff.Part(WordDiff.Kind.KEPT, "The course covers supervised "));
		assertThat(parts.get(parts.size() - 1).text()).endsWith("\nExams in March.");
	}

	@Test
	void aWholeTextAddedOrRemovedIsOnePart() {
		assertThat(this.diff.between(null, "New text"))
			.containsExactly(new WordDiff.Part(WordDiff.Kind.INSERTED, "New text"));
		assertThat(this.diff.between("Old text", null))
			.containsExactly(new WordDiff.Part(WordDiff.Kind.DELETED, "Old text"));
		assertThat(this.diff.between("Same", "Same")).containsExactly(new WordDiff.Part(WordDiff.Kind.KEPT, "Same"));
	}

	@Test
	void shortValuesAndOneSidedChangesAreNotWorthAWordDiff() {
		assertThat(this.diff.wordByWord("2027-01-15 23:59", "2027-01-22 23:59")).isFalse();
		assertThat(this.diff.wordByWord(null, "x".repeat(200))).isFalse();
		assertThat(this.diff.wordByWord("x".repeat(200), "x".repeat(200))).isFalse();
		assertThat(this.diff.wordByWord("Short", "A much longer text that has grown well past sixty characters in all"))
			.isTrue();
	}

}

package org.prospectus.compare;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShortlistTests {

	@Test
	void dropsBlanksAndDuplicatesAndKeepsTheOrderPicked() {
		Shortlist shortlist = Shortlist.of(Arrays.asList("b", " ", null, "a", "B ", "c"));
		assertThat(shortlist.slugs()).containsExactly("b", "a", "c");
	}

	@Test
	void readsNoMoreThanADozenValues() {
		List<String> many = Collections.nCopies(1000, "x");
		assertThat(Shortlist.of(many).slugs()).containsExactly("x");
		assertThat(Shortlist.of(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13")).size())
			.isEqualTo(12);
	}

	@Test
	void buildsLinksThatAddRemoveAndCarryTheList() {
		Shortlist shortlist = Shortlist.of(List.of("kth-ml", "soton-ml"));
		assertThat(shortlist.compareUrl()).isEqualTo("/compare?p=kth-ml&p=soton-ml");
		assertThat(shortlist.compareUrlWith("robotics")).isEqualTo("/compare?p=kth-ml&p=soton-ml&p=robotics");
		assertThat(shortlist.compareUrlWith("kth-ml")).isEqualTo("/compare?p=kth-ml&p=soton-ml");
		assertThat(shortlist.compareUrlWithout("kth-ml")).isEqualTo("/compare?p=soton-ml");
		assertThat(shortlist.carriedTo("/programmes")).isEqualTo("/programmes?compare=kth-ml&compare=soton-ml");
		assertThat(Shortlist.empty().compareUrl()).isEqualTo("/compare");
	}

	@Test
	void encodesWhatCannotBeASlug() {
		assertThat(Shortlist.of(List.of("a&b=c")).compareUrl()).isEqualTo("/compare?p=a%26b%3Dc");
		assertThat(Shortlist.isSlug("a&b=c")).isFalse();
		assertThat(Shortlist.isSlug("kth-msc-machine-learning")).isTrue();
	}

}

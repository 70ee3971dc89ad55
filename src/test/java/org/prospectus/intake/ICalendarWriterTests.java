package org.prospectus.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ICalendarWriterTests {

	@Test
	void escapesBackslashSemicolonCommaAndEveryKindOfLineBreak() {
		assertThat(ICalendarWriter.escape("a\\b;c,d\r\ne\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
	}

	@Test
	void dropsControlCharactersTextCannotHoldButKeepsTabs() {
		assertThat(ICalendarWriter.escape("a\u0000b\u0007c\td")).isEqualTo("abc\td");
	}

	@Test
	void foldsAtSeventyFiveOctetsWithoutSplittingACharacter() {
		// "SUMMARY:" is 8 octets; then 33 two-octet letters make 74, so the 34th (which
		// would make 76) starts the next line.
		String value = "é".repeat(40);
		String ics = new ICalendarWriter().text("SUMMARY", value).toString();
		String[] lines = ics.split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0]).isEqualTo("SUMMARY:" + "é".repeat(33));
		assertThat(lines[0].getBytes(StandardCharsets.UTF_8)).hasSize(74);
		assertThat(lines[1]).isEqualTo(" " + "é".repeat(7));
		assertThat(ics).endsWith("\r\n");
	}

	@Test
	void aFourOctetCharacterMovesWholeToTheNextLine() {
		// 8 + 63 + 4 = 75 octets fit; the second four-octet character would make 79.
		String value = "a".repeat(63) + "🎓🎓";
		String[] lines = new ICalendarWriter().text("SUMMARY", value).toString().split("\r\n");
		assertThat(lines[0]).isEqualTo("SUMMARY:" + "a".repeat(63) + "🎓");
		assertThat(lines[0].getBytes(StandardCharsets.UTF_8)).hasSize(75);
		assertThat(lines[1]).isEqualTo(" 🎓");
	}

	@Test
	void continuationLinesCountTheirLeadingSpace() {
		String[] lines = new ICalendarWriter().text("X", "b".repeat(300)).toString().split("\r\n");
		for (String line : lines) {
			assertThat(line.length()).isLessThanOrEqualTo(75);
		}
		assertThat(lines[1]).hasSize(75).startsWith(" b");
		assertThat(String.join("", lines).replace(" ", "")).isEqualTo("X:" + "b".repeat(300));
	}

}

package org.prospectus.review;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterTests {

	static String row(String... values) {
		StringWriter out = new StringWriter();
		new CsvWriter(out).row(values);
		return out.toString();
	}

	@Test
	void quotesOnlyFieldsThatNeedItAndDoublesQuotes() {
		assertThat(row("plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", null))
			.isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",,\r\n");
	}

	@Test
	void neutralisesEveryCellASpreadsheetWouldRunAsAFormula() {
		assertThat(row("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=b", "x-1"))
			.isEqualTo("'=1+1,'+1,'-1,'@SUM(A1),\"'\tx\",\"'\rx\",a=b,x-1\r\n");
		assertThat(row("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
	}

	/**
	 * A spreadsheet that splits on semicolons, tabs or commas starts a new cell after
	 * each, so a formula after any of them runs too (OWASP's CSV injection guidance):
	 * such a value is neutralised whole and quoted, so it stays one cell of text.
	 */
	@Test
	void neutralisesAFormulaThatFollowsAnySeparator() {
		assertThat(row("Name;=cmd|' /C calc'!A0")).isEqualTo("\"'Name;=cmd|' /C calc'!A0\"\r\n");
		assertThat(row("Name,+1")).isEqualTo("\"'Name,+1\"\r\n");
		assertThat(row("Name\t@SUM(A1)")).isEqualTo("\"'Name\t@SUM(A1)\"\r\n");
		assertThat(row("Name; -2")).isEqualTo("\"'Name; -2\"\r\n");
		assertThat(row("a;b")).isEqualTo("\"a;b\"\r\n");
		assertThat(row("x-1;y")).isEqualTo("\"x-1;y\"\r\n");
	}

	@Test
	void keepsUnicodeAsItIs() {
		assertThat(row("Åsa Öberg", "李雷")).isEqualTo("Åsa Öberg,李雷\r\n");
	}

}

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
			.isEqualTo("'=1+1,'+1,'-1,'@SUM(A1),'\tx,\"'\rx\",a=b,x-1\r\n");
		assertThat(row("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
	}

	@Test
	void keepsUnicodeAsItIs() {
		assertThat(row("Åsa Öberg", "李雷")).isEqualTo("Åsa Öberg,李雷\r\n");
	}

}

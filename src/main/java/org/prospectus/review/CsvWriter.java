package org.prospectus.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes CSV as RFC 4180 says: fields separated by commas, records ended by CRLF, a field
 * quoted when it holds a comma, a semicolon, a tab, a quote or a line break, quotes
 * inside doubled. A field that a spreadsheet would run as a formula is written with a
 * leading apostrophe, so it shows as the text it is: one that starts with
 * {@code = + - @}, a tab or a carriage return, and, since a spreadsheet may split cells
 * on semicolons, tabs or commas (OWASP's CSV injection guidance), one where such a
 * character follows any of them.
 */
final class CsvWriter {

	private final Writer out;

	private boolean firstField = true;

	CsvWriter(Writer out) {
		this.out = out;
	}

	CsvWriter field(String value) {
		try {
			if (!this.firstField) {
				this.out.write(',');
			}
			this.firstField = false;
			if (value != null) {
				this.out.write(quoted(neutralised(value)));
			}
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	CsvWriter row(String... values) {
		for (String value : values) {
			field(value);
		}
		return endRow();
	}

	CsvWriter endRow() {
		try {
			this.out.write("\r\n");
			this.firstField = true;
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A value a spreadsheet would take for a formula, made plain text. */
	static String neutralised(String value) {
		boolean cellStart = true;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (cellStart && isFormulaStart(c)) {
				return "'" + value;
			}
			if (c == ',' || c == ';' || c == '\t' || c == '\r' || c == '\n') {
				cellStart = true;
			}
			else if (c != ' ' && c != '"') {
				cellStart = false;
			}
		}
		return value;
	}

	private static boolean isFormulaStart(char c) {
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
	}

	static String quoted(String value) {
		boolean needsQuotes = false;
		for (int i = 0; i < value.length() && !needsQuotes; i++) {
			char c = value.charAt(i);
			needsQuotes = c == ',' || c == ';' || c == '\t' || c == '"' || c == '\n' || c == '\r';
		}
		return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

}

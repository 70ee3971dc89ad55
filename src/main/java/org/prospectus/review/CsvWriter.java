package org.prospectus.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes CSV as RFC 4180 says: fields separated by commas, records ended by CRLF, a field
 * quoted when it holds a comma, a quote or a line break, quotes inside doubled. A field
 * that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a
 * carriage return) is written with a leading apostrophe, so it shows as the text it is.
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
		if (!value.isEmpty()) {
			char first = value.charAt(0);
			if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
				return "'" + value;
			}
		}
		return value;
	}

	static String quoted(String value) {
		boolean needsQuotes = false;
		for (int i = 0; i < value.length() && !needsQuotes; i++) {
			char c = value.charAt(i);
			needsQuotes = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

}

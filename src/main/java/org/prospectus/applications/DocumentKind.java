package org.prospectus.applications;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.modulith.NamedInterface;

/** What an uploaded document is, as the applicant says when uploading it. */
@NamedInterface("api")
public enum DocumentKind {

	/** Grades of the studies that qualify for the programme. Required. */
	TRANSCRIPT("transcript"),
	/** The degree certificate, or a statement that the degree is expected. Required. */
	DEGREE_CERTIFICATE("degree-certificate"),
	/** The passport or national identity card. Required. */
	PASSPORT("passport"),
	/** A curriculum vitae. Optional. */
	CV("cv"),
	/** The receipt of the application fee: required when the fee is due, and pays it. */
	FEE_RECEIPT("fee-receipt"),
	/** Evidence of the citizenship that exempts from the fee. Optional. */
	FEE_EXEMPTION("fee-exemption");

	/** The kinds every application needs before it can be submitted. */
	public static final List<DocumentKind> REQUIRED = List.of(TRANSCRIPT, DEGREE_CERTIFICATE, PASSPORT);

	private final String slug;

	DocumentKind(String slug) {
		this.slug = slug;
	}

	/** The kind's part of a stored file's name, as in ABCD2345-transcript-1.pdf. */
	public String slug() {
		return this.slug;
	}

	public String messageKey() {
		return "application.document.kind." + name();
	}

	static Optional<DocumentKind> parse(String name) {
		return Arrays.stream(values()).filter((kind) -> kind.name().equals(name)).findFirst();
	}

}

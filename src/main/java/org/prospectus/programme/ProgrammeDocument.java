package org.prospectus.programme;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;

/**
 * The bytes of a programme's course description document, kept apart from the programme
 * so that loading a programme never loads them.
 */
@Entity
public class ProgrammeDocument {

	@Id
	private Long programmeId;

	@OneToOne(fetch = FetchType.LAZY, optional = false)
	@MapsId
	@JoinColumn(name = "programme_id")
	private Programme programme;

	private String contentType;

	private byte[] content;

	protected ProgrammeDocument() {
	}

	/**
	 * Attaches a document to a programme, replacing the name and size the programme
	 * shows.
	 */
	public ProgrammeDocument(Programme programme, String filename, String contentType, byte[] content) {
		this.programme = programme;
		this.contentType = contentType;
		this.content = content.clone();
		programme.describeDocument(filename, content.length);
	}

	public String getContentType() {
		return this.contentType;
	}

	public byte[] getContent() {
		return this.content;
	}

}

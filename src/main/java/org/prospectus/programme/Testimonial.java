package org.prospectus.programme;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A graduate's words about a programme. */
@Entity
@Table(name = "programme_testimonial")
public class Testimonial {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "programme_id")
	private Programme programme;

	private int position;

	private String quote;

	private String authorName;

	private String authorOrigin;

	protected Testimonial() {
	}

	public Testimonial(Programme programme, int position, String quote, String authorName, String authorOrigin) {
		this.programme = programme;
		this.position = position;
		this.quote = quote;
		this.authorName = authorName;
		this.authorOrigin = authorOrigin;
	}

	public int getPosition() {
		return this.position;
	}

	public String getQuote() {
		return this.quote;
	}

	public String getAuthorName() {
		return this.authorName;
	}

	public String getAuthorOrigin() {
		return this.authorOrigin;
	}

}

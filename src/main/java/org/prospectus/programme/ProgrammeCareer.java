package org.prospectus.programme;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** That a programme leads to a career, in the order the programme lists its careers. */
@Entity
public class ProgrammeCareer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "programme_id")
	private Programme programme;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "career_id")
	private Career career;

	private int position;

	protected ProgrammeCareer() {
	}

	public ProgrammeCareer(Programme programme, Career career, int position) {
		this.programme = programme;
		this.career = career;
		this.position = position;
	}

	public Programme getProgramme() {
		return this.programme;
	}

	public Career getCareer() {
		return this.career;
	}

	public int getPosition() {
		return this.position;
	}

}

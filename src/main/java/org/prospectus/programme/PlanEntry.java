package org.prospectus.programme;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;
import org.prospectus.course.Course;
import org.prospectus.course.Season;

import org.springframework.modulith.NamedInterface;

/** One course in a programme's plan: in which year and term, and how it counts. */
@Entity
@Table(name = "programme_plan_entry")
@NamedInterface("api")
public class PlanEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "programme_id")
	private Programme programme;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "course_id")
	private Course course;

	private int studyYear;

	@Enumerated(EnumType.STRING)
	private Season term;

	@Enumerated(EnumType.STRING)
	private PlanCategory category;

	private String track;

	private int position;

	/**
	 * The year of entry whose plan this is, or {@code null} for the programme's current
	 * one.
	 */
	private @Nullable Integer entryYear;

	protected PlanEntry() {
	}

	public PlanEntry(Programme programme, Course course, int studyYear, Season term, PlanCategory category) {
		this.programme = programme;
		this.course = course;
		this.studyYear = studyYear;
		this.term = term;
		this.category = category;
	}

	/** The programme, as a reference: reading its id loads nothing. */
	public @Nullable Integer getEntryYear() {
		return this.entryYear;
	}

	void setEntryYear(@Nullable Integer entryYear) {
		this.entryYear = entryYear;
	}

	public Programme getProgramme() {
		return this.programme;
	}

	public Course getCourse() {
		return this.course;
	}

	public int getStudyYear() {
		return this.studyYear;
	}

	public Season getTerm() {
		return this.term;
	}

	public PlanCategory getCategory() {
		return this.category;
	}

	public String getTrack() {
		return this.track;
	}

	public void setTrack(String track) {
		this.track = track;
	}

	public int getPosition() {
		return this.position;
	}

	public void setPosition(int position) {
		this.position = position;
	}

}

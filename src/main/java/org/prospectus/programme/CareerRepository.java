package org.prospectus.programme;

import java.util.Collection;
import java.util.List;

import org.prospectus.staging.PublicationState;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CareerRepository extends JpaRepository<Career, Long> {

	@Query("select c from Career c order by c.position, c.title")
	List<Career> findAllInOrder();

	/**
	 * Which published programmes lead to which careers, with institutions, in one query.
	 */
	@Query("""
			select pc from ProgrammeCareer pc join fetch pc.career c join fetch pc.programme p join fetch p.institution
			where p.state = org.prospectus.staging.PublicationState.PUBLISHED
			order by c.position, c.title, p.title, p.id""")
	List<ProgrammeCareer> findPublishedLinks();

	/** The careers of the given programmes, in each programme's order, in one query. */
	@Query("""
			select pc from ProgrammeCareer pc join fetch pc.career c
			where pc.programme.id in :programmeIds order by pc.position, c.title""")
	List<ProgrammeCareer> findLinksOf(Collection<Long> programmeIds);

	/** As {@link #findLinksOf(Collection)} for one programme, translated once. */
	@Query("""
			select pc from ProgrammeCareer pc join fetch pc.career c
			where pc.programme.id = :programmeId order by pc.position, c.title""")
	List<ProgrammeCareer> findLinksOf(long programmeId);

	/** Removes the programme's links to careers, before they are written again. */
	@Modifying
	@Query("delete from ProgrammeCareer pc where pc.programme = :programme")
	void deleteLinksOf(Programme programme);

}

package org.prospectus.programme;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TestimonialRepository extends JpaRepository<Testimonial, Long> {

	List<Testimonial> findByProgrammeOrderByPosition(Programme programme);

	@Modifying(flushAutomatically = true)
	@Query("delete from Testimonial t where t.programme = :programme")
	void deleteByProgramme(Programme programme);

}

package org.prospectus.catalogue;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TestimonialRepository extends JpaRepository<Testimonial, Long> {

	List<Testimonial> findByProgrammeOrderByPosition(Programme programme);

}

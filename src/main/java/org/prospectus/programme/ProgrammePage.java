package org.prospectus.programme;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * Everything the public programme page shows, loaded in one read transaction.
 *
 * @param programme the programme with its institution
 * @param testimonials graduates' words, in order
 * @param plan the courses by year and term
 */
@NamedInterface("api")
public record ProgrammePage(Programme programme, List<Testimonial> testimonials, PlanView plan) {

}

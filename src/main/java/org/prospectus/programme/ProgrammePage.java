package org.prospectus.programme;

import java.util.List;

/**
 * Everything the public programme page shows, loaded in one read transaction.
 *
 * @param programme the programme with its institution
 * @param testimonials graduates' words, in order
 * @param plan the courses by year and term
 */
public record ProgrammePage(Programme programme, List<Testimonial> testimonials, PlanView plan) {

}

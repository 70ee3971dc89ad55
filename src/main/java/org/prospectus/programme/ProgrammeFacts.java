package org.prospectus.programme;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * What the comparison shows of one published programme, loaded together with the others.
 *
 * @param programme the programme with its institution
 * @param plan its public plan of courses
 * @param careers the careers it leads to, in its order
 */
@NamedInterface("api")
public record ProgrammeFacts(Programme programme, PlanView plan, List<Career> careers) {

}

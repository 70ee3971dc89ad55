package org.prospectus.search;

/**
 * A search's words spelt as the catalogue spells them, when as typed they found nothing.
 *
 * @param original the words as typed
 * @param text the words corrected: each one the catalogue lacks replaced by the most
 * similar word it has
 * @param applied whether the results shown are those of the corrected words (each
 * correction was close); otherwise they are only offered ("Did you mean …?")
 */
public record Correction(String original, String text, boolean applied) {
}

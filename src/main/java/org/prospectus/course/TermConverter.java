package org.prospectus.course;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

@Converter(autoApply = true)
class TermConverter implements AttributeConverter<Term, Integer> {

	@Override
	public @Nullable Integer convertToDatabaseColumn(Term term) {
		return (term != null) ? term.code() : null;
	}

	@Override
	public @Nullable Term convertToEntityAttribute(Integer code) {
		return (code != null) ? Term.ofCode(code) : null;
	}

}

package org.prospectus.course;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class TermConverter implements AttributeConverter<Term, Integer> {

	@Override
	public Integer convertToDatabaseColumn(Term term) {
		return (term != null) ? term.code() : null;
	}

	@Override
	public Term convertToEntityAttribute(Integer code) {
		return (code != null) ? Term.ofCode(code) : null;
	}

}

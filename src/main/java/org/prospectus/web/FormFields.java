package org.prospectus.web;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.BeanUtils;
import org.springframework.core.ResolvableType;

/**
 * The request parameters a form object takes: its writable properties, and for a list of
 * rows each row's writable properties ({@code plan[*].courseCode}). A form holds only
 * what its page edits, so its fields are written once, in the form, and a binder's
 * allow-list is read from there rather than typed again beside the controller.
 */
public final class FormFields {

	private static final ClassValue<String[]> FIELDS = new ClassValue<>() {
		@Override
		protected String[] computeValue(Class<?> type) {
			List<String> fields = new ArrayList<>();
			for (PropertyDescriptor property : writable(type)) {
				if (List.class.isAssignableFrom(property.getPropertyType())) {
					Class<?> row = ResolvableType.forMethodReturnType(property.getReadMethod())
						.asCollection()
						.resolveGeneric(0);
					if (row == null || BeanUtils.isSimpleValueType(row)) {
						// Checkboxes send the list by its name, numbered fields by index.
						fields.add(property.getName());
						fields.add(property.getName() + "[*]");
					}
					else {
						for (PropertyDescriptor column : writable(row)) {
							fields.add(property.getName() + "[*]." + column.getName());
						}
					}
				}
				else {
					fields.add(property.getName());
				}
			}
			return fields.toArray(String[]::new);
		}
	};

	private FormFields() {
	}

	/** The fields of a form class, in the order of its properties' names. */
	public static String[] of(Class<?> form) {
		return FIELDS.get(form).clone();
	}

	private static List<PropertyDescriptor> writable(Class<?> type) {
		List<PropertyDescriptor> properties = new ArrayList<>();
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getWriteMethod() != null && property.getReadMethod() != null) {
				properties.add(property);
			}
		}
		return properties;
	}

}

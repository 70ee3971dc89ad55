package org.prospectus.web;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.BeanUtils;
import org.springframework.core.ResolvableType;

/**
 * The request parameters a form object takes: a record's components, or a JavaBean's
 * writable properties, and for a list of rows each row's own fields
 * ({@code plan[*].courseCode}); for a map of texts, its keys ({@code translations[*]},
 * {@code modules[*].translations[*]}). A form holds only what its page edits, so its
 * fields are written once, in the form, and a binder's allow-list is read from there
 * rather than typed again beside the controller.
 */
public final class FormFields {

	private static final ClassValue<String[]> FIELDS = new ClassValue<>() {
		@Override
		protected String[] computeValue(Class<?> type) {
			List<String> fields = new ArrayList<>();
			for (Field field : bound(type)) {
				if (List.class.isAssignableFrom(field.type().toClass())) {
					Class<?> row = field.type().asCollection().resolveGeneric(0);
					if (row == null || BeanUtils.isSimpleValueType(row)) {
						// Checkboxes send the list by its name, numbered fields by index.
						fields.add(field.name());
						fields.add(field.name() + "[*]");
					}
					else {
						for (Field column : bound(row)) {
							// A row's map of texts by key: modules[*].translations[*].
							boolean map = Map.class.isAssignableFrom(column.type().toClass());
							fields.add(field.name() + "[*]." + column.name() + (map ? "[*]" : ""));
						}
					}
				}
				else if (Map.class.isAssignableFrom(field.type().toClass())) {
					// A map of texts by key, such as translations[sv:title].
					fields.add(field.name() + "[*]");
				}
				else {
					fields.add(field.name());
				}
			}
			return fields.toArray(String[]::new);
		}
	};

	private FormFields() {
	}

	/**
	 * The fields of a form class: a record's components in their order, or a JavaBean's
	 * writable properties in the order of their names.
	 */
	public static String[] of(Class<?> form) {
		return FIELDS.get(form).clone();
	}

	private static List<Field> bound(Class<?> type) {
		List<Field> fields = new ArrayList<>();
		if (type.isRecord()) {
			// A record is bound through its canonical constructor, one parameter per
			// component.
			for (RecordComponent component : type.getRecordComponents()) {
				fields.add(new Field(component.getName(), ResolvableType.forMethodReturnType(component.getAccessor())));
			}
			return fields;
		}
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getWriteMethod() != null && property.getReadMethod() != null) {
				fields.add(new Field(property.getName(), ResolvableType.forMethodReturnType(property.getReadMethod())));
			}
		}
		return fields;
	}

	private record Field(String name, ResolvableType type) {
	}

}

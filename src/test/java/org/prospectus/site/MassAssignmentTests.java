package org.prospectus.site;

import java.beans.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.objenesis.ObjenesisStd;
import org.springframework.stereotype.Controller;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No form lets a request set more than its own fields. For every form a POST handler
 * binds, the controller must declare an allow-list, and binding a parameter named after
 * every property of every entity (and nested and class-loader paths) must leave every
 * other field of the form as it was.
 */
class MassAssignmentTests {

	static List<Class<?>> controllers;

	static Set<String> hostileNames;

	@BeforeAll
	static void scan() throws ClassNotFoundException {
		controllers = classesAnnotatedWith(Controller.class);
		hostileNames = new LinkedHashSet<>(List.of("class.module.classLoader.defaultAssertionStatus",
				"class.classLoader.resources.dirContext.docBase", "id", "version", "state", "createdAt", "updatedAt",
				"passwordHash", "enabled", "roles", "institution.id", "programme.id", "staffUser.id", "course.id"));
		for (Class<?> entity : classesAnnotatedWith(Entity.class)) {
			for (Class<?> type = entity; type != null && type != Object.class; type = type.getSuperclass()) {
				for (Field field : type.getDeclaredFields()) {
					hostileNames.add(field.getName());
					hostileNames.add(field.getName() + ".id");
				}
			}
		}
		assertThat(controllers).hasSizeGreaterThan(5);
		assertThat(hostileNames).hasSizeGreaterThan(50);
	}

	static List<Class<?>> classesAnnotatedWith(Class<? extends Annotation> annotation) throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
		List<Class<?>> found = new ArrayList<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("org.prospectus")) {
			found.add(Class.forName(definition.getBeanClassName()));
		}
		return found;
	}

	record BoundForm(Class<?> controller, String name, Class<?> type) {
	}

	static List<BoundForm> boundForms() {
		List<BoundForm> forms = new ArrayList<>();
		for (Class<?> controller : controllers) {
			for (Method method : controller.getDeclaredMethods()) {
				if (!method.isAnnotationPresent(PostMapping.class)) {
					continue;
				}
				for (Parameter parameter : method.getParameters()) {
					ModelAttribute attribute = parameter.getAnnotation(ModelAttribute.class);
					if (attribute != null) {
						forms.add(new BoundForm(controller, attribute.value(), parameter.getType()));
					}
				}
			}
		}
		return forms;
	}

	@Test
	void everyBoundFormHasAnAllowList() {
		List<BoundForm> forms = boundForms();
		assertThat(forms).as("forms bound by POST handlers").hasSizeGreaterThanOrEqualTo(5);
		for (BoundForm form : forms) {
			assertThat(initBinder(form))
				.as("an @InitBinder(\"%s\") with setAllowedFields in %s", form.name(),
						form.controller().getSimpleName())
				.isNotNull();
		}
	}

	@Test
	void bindingEveryEntityPropertyNameChangesNothingButTheAllowedFields() throws Exception {
		for (BoundForm form : boundForms()) {
			Method initBinder = initBinder(form);
			initBinder.setAccessible(true);
			Object controller = new ObjenesisStd().newInstance(form.controller());
			MutablePropertyValues values = new MutablePropertyValues();
			hostileNames.forEach((name) -> values.add(name, "1"));
			Object fresh;
			Object target;
			Set<String> allowed;
			if (form.type().isRecord()) {
				// Records are built from the request through their constructor.
				fresh = construct(form, controller, initBinder, new MutablePropertyValues()).getTarget();
				WebDataBinder binder = construct(form, controller, initBinder, values);
				target = binder.getTarget();
				allowed = Set.of(binder.getAllowedFields());
			}
			else {
				fresh = form.type().getDeclaredConstructor().newInstance();
				target = form.type().getDeclaredConstructor().newInstance();
				WebDataBinder binder = new WebDataBinder(target, form.name());
				initBinder.invoke(controller, binder);
				allowed = allowList(form, binder);
				binder.bind(values);
			}
			for (String name : readableProperties(form.type())) {
				if (allowed.contains(name)) {
					continue;
				}
				assertThat(Objects.equals(read(fresh, name), read(target, name)))
					.as("%s.%s changed by a parameter it does not allow", form.type().getSimpleName(), name)
					.isTrue();
			}
		}
	}

	private static WebDataBinder construct(BoundForm form, Object controller, Method initBinder,
			MutablePropertyValues values) throws Exception {
		WebDataBinder binder = new WebDataBinder(null, form.name());
		binder.setTargetType(ResolvableType.forClass(form.type()));
		initBinder.invoke(controller, binder);
		allowList(form, binder);
		binder.construct(new DataBinder.ValueResolver() {
			@Override
			public Object resolveValue(String name, Class<?> type) {
				return values.contains(name) ? values.get(name) : null;
			}

			@Override
			public Set<String> getNames() {
				Set<String> names = new LinkedHashSet<>();
				values.forEach((value) -> names.add(value.getName()));
				return names;
			}
		});
		assertThat(binder.getTarget()).as("%s built from the request", form.type().getSimpleName()).isNotNull();
		return binder;
	}

	private static Set<String> allowList(BoundForm form, WebDataBinder binder) {
		assertThat(binder.getAllowedFields())
			.as("%s's @InitBinder(\"%s\") sets an allow-list", form.controller().getSimpleName(), form.name())
			.isNotNull()
			.isNotEmpty();
		return Set.of(binder.getAllowedFields());
	}

	private static List<String> readableProperties(Class<?> type) {
		if (type.isRecord()) {
			return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
		}
		return Arrays.stream(new BeanWrapperImpl(type).getPropertyDescriptors())
			.filter((property) -> property.getReadMethod() != null && !property.getName().equals("class"))
			.map(PropertyDescriptor::getName)
			.toList();
	}

	private static Object read(Object form, String name) throws Exception {
		if (form.getClass().isRecord()) {
			return form.getClass().getMethod(name).invoke(form);
		}
		return new BeanWrapperImpl(form).getPropertyValue(name);
	}

	static Method initBinder(BoundForm form) {
		return Arrays.stream(form.controller().getDeclaredMethods())
			.filter((method) -> method.isAnnotationPresent(InitBinder.class))
			.filter((method) -> Arrays.asList(method.getAnnotation(InitBinder.class).value()).contains(form.name()))
			.findFirst()
			.orElse(null);
	}

}

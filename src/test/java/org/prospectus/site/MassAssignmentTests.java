package org.prospectus.site;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.objenesis.ObjenesisStd;
import org.springframework.stereotype.Controller;
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

	static List<Class<?>> classesAnnotatedWith(Class<? extends java.lang.annotation.Annotation> annotation)
			throws ClassNotFoundException {
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
			Object fresh = form.type().getDeclaredConstructor().newInstance();
			Object target = form.type().getDeclaredConstructor().newInstance();
			WebDataBinder binder = new WebDataBinder(target, form.name());
			Method initBinder = initBinder(form);
			initBinder.setAccessible(true);
			initBinder.invoke(new ObjenesisStd().newInstance(form.controller()), binder);
			assertThat(binder.getAllowedFields())
				.as("%s's @InitBinder(\"%s\") sets an allow-list", form.controller().getSimpleName(), form.name())
				.isNotNull()
				.isNotEmpty();
			Set<String> allowed = Set.of(binder.getAllowedFields());
			MutablePropertyValues values = new MutablePropertyValues();
			hostileNames.forEach((name) -> values.add(name, "1"));
			binder.bind(values);
			BeanWrapper before = new BeanWrapperImpl(fresh);
			BeanWrapper after = new BeanWrapperImpl(target);
			for (PropertyDescriptor property : after.getPropertyDescriptors()) {
				String name = property.getName();
				if (name.equals("class") || allowed.contains(name) || property.getReadMethod() == null) {
					continue;
				}
				assertThat(Objects.equals(before.getPropertyValue(name), after.getPropertyValue(name)))
					.as("%s.%s changed by a parameter it does not allow", form.type().getSimpleName(), name)
					.isTrue();
			}
		}
	}

	static Method initBinder(BoundForm form) {
		return Arrays.stream(form.controller().getDeclaredMethods())
			.filter((method) -> method.isAnnotationPresent(InitBinder.class))
			.filter((method) -> Arrays.asList(method.getAnnotation(InitBinder.class).value()).contains(form.name()))
			.findFirst()
			.orElse(null);
	}

}

package org.prospectus.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A record's id in an address has one spelling: its decimal digits, without sign, leading
 * zeros, spaces or a radix prefix. Spring's conversion would read {@code 012},
 * {@code +12}, {@code 0x0C} or {@code #C} as 12, so that one record had many addresses,
 * and any check that read the address rather than the bound id could be walked round
 * (issue 25). Every numeric path variable of every handler is held to that spelling
 * before the handler or any other interceptor runs; another spelling is a bad request
 * (400), answered with the site's error page.
 */
@Component
class CanonicalIds implements HandlerInterceptor, WebMvcConfigurer {

	private static final Pattern CANONICAL = Pattern.compile("0|[1-9][0-9]{0,17}");

	private static final Set<Class<?>> NUMERIC = Set.of(long.class, Long.class, int.class, Integer.class, short.class,
			Short.class);

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables == null || variables.isEmpty()) {
			return true;
		}
		for (MethodParameter parameter : method.getMethodParameters()) {
			PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
			if (annotation == null || !NUMERIC.contains(parameter.nestedIfOptional().getNestedParameterType())) {
				continue;
			}
			String name = !annotation.name().isEmpty() ? annotation.name()
					: !annotation.value().isEmpty() ? annotation.value() : parameter.getParameter().getName();
			String value = variables.get(name);
			if (value != null && !CANONICAL.matcher(value).matches()) {
				response.sendError(HttpStatus.BAD_REQUEST.value());
				return false;
			}
		}
		return true;
	}

}

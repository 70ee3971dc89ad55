package org.prospectus.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.IServletWebExchange;

/**
 * Links in templates keep the page's language (ADR 0035): {@code @{/programmes}} on a
 * Swedish page is {@code /sv/programmes}, because the language's prefix is part of the
 * request's context path. Static files are the same in every language and keep one
 * address, versioned by their content as on every other page.
 */
@Component
class LanguageLinks implements BeanPostProcessor {

	private static final String[] STATIC = { "/static/", "/webjars/" };

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof SpringTemplateEngine engine) {
			engine.setLinkBuilder(new Builder());
		}
		return bean;
	}

	static boolean isStatic(String path) {
		for (String prefix : STATIC) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static final class Builder extends StandardLinkBuilder {

		@Override
		protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
			HttpServletRequest request = request(context);
			if (request != null && isStatic(base)) {
				return Languages.root(request);
			}
			return super.computeContextPath(context, base, parameters);
		}

		@Override
		protected String processLink(IExpressionContext context, String link) {
			HttpServletRequest request = request(context);
			if (request != null && !Languages.root(request).equals(request.getContextPath())) {
				String root = Languages.root(request);
				String path = link.substring(root.length());
				if (link.startsWith(root) && isStatic(path)) {
					// The resource chain's response wrapper versions only links under the
					// request's own context path, which here carries the language.
					Object provider = request
						.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR);
					String versioned = (provider instanceof ResourceUrlProvider urls) ? urls.getForLookupPath(path)
							: null;
					return root + ((versioned != null) ? versioned : path);
				}
			}
			return super.processLink(context, link);
		}

		private static HttpServletRequest request(IExpressionContext context) {
			if (context instanceof IWebContext web && web.getExchange() instanceof IServletWebExchange exchange
					&& exchange.getNativeRequestObject() instanceof HttpServletRequest request) {
				return request;
			}
			return null;
		}

	}

}

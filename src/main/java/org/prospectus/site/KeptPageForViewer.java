package org.prospectus.site;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Sends someone signed in the public page {@link PageCache} keeps, with their own parts
 * of the layout rendered for them (ADR 0029). It runs where the page's handler would: the
 * session has been read once, the security context and the CSRF token are this person's,
 * and the locale is resolved. Each part is the layout's own fragment
 * ({@code layout :: viewer-nav} and the others of {@link PageCache#PER_PERSON}), rendered
 * as a view like any page, so there is one definition of the header and the footer.
 */
@Component
class KeptPageForViewer implements HandlerInterceptor, WebMvcConfigurer {

	private final ThymeleafViewResolver views;

	KeptPageForViewer(ThymeleafViewResolver views) {
		this.views = views;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// After ids are checked (CanonicalIds), before anything else would work for the
		// handler.
		registry.addInterceptor(this).addPathPatterns(PublicPageCaching.PAGES).order(Ordered.HIGHEST_PRECEDENCE + 1);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!(request.getAttribute(PageCache.KEPT) instanceof PageCache.Page page)) {
			return true;
		}
		Locale locale = RequestContextUtils.getLocale(request);
		Map<String, byte[]> parts = new LinkedHashMap<>();
		for (String part : PageCache.PER_PERSON) {
			View view = this.views.resolveViewName("layout :: " + part, locale);
			if (view == null) {
				throw new IllegalStateException("The layout has no fragment " + part);
			}
			RenderedPage rendered = new RenderedPage(response);
			view.render(Map.of(), request, rendered);
			parts.put(part, rendered.toByteArray());
		}
		page.writeFor(response, parts);
		return false;
	}

}

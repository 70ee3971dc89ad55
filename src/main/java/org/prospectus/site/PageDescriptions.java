package org.prospectus.site;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.prospectus.web.PublicUrls;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A meta description and a canonical link on every public page (issue 25). Pages with
 * content of their own (a programme, a course) set {@code metaDescription} from it; the
 * others get a sentence from the messages for their address, and the site's own where
 * none is written. A page without a {@code canonicalUrl} gets its own address, without
 * the query, made absolute by {@link PublicUrls}.
 */
@Component
class PageDescriptions implements HandlerInterceptor, WebMvcConfigurer {

	static final Map<String, String> MESSAGES = Map.of("/", "meta.description.home", "/programmes",
			"meta.description.search", "/deadlines", "meta.description.deadlines", "/guide", "meta.description.guide",
			"/careers", "meta.description.careers", "/compare", "meta.description.compare", "/finder",
			"meta.description.finder", "/privacy", "meta.description.privacy", "/accessibility",
			"meta.description.accessibility", "/contact", "meta.description.contact");

	private final MessageSource messages;

	private final PublicUrls urls;

	PageDescriptions(MessageSource messages, PublicUrls urls) {
		this.messages = messages;
		this.urls = urls;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(PublicPageCaching.PAGES);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (page == null || page.getView() instanceof RedirectView
				|| (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (page.getModel().get("metaDescription") == null) {
			page.addObject("metaDescription", this.messages.getMessage(MESSAGES.getOrDefault(path, "meta.description"),
					null, LocaleContextHolder.getLocale()));
		}
		if (page.getModel().get("canonicalUrl") == null) {
			page.addObject("canonicalUrl", this.urls.at(path).build().toUriString());
		}
	}

}

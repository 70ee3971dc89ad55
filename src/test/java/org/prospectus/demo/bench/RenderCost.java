package org.prospectus.demo.bench;

import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Locale;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What Thymeleaf alone costs for a page, for {@code bench/public-pages.sh} (the
 * {@code pages} profile only, in the test sources: never in a build that is deployed).
 * <p>
 * A GET with {@code render-cost=N} is answered as usual, but first its view is rendered N
 * more times with the same model, request and locale, into a response that keeps nothing,
 * a quarter of N untimed and then N timed. The answer's {@code X-Render-Cost-Micros}
 * header says the request thread's CPU time per timed render. No database, no filters, no
 * network, and the CPU's caches warm: the least a page can cost with the portal's
 * templates, which a whole request cannot go below.
 */
@Configuration(proxyBeanMethods = false)
@Profile("pages")
class RenderCost implements WebMvcConfigurer {

	static final String PARAMETER = "render-cost";

	static final String HEADER = "X-Render-Cost-Micros";

	private static final int MAX_RENDERS = 20_000;

	private final ViewResolver views;

	RenderCost(ViewResolver thymeleafViewResolver) {
		this.views = thymeleafViewResolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView modelAndView) throws Exception {
				String renders = request.getParameter(PARAMETER);
				if (renders != null && modelAndView != null && modelAndView.getViewName() != null) {
					measure(Math.min(Integer.parseInt(renders), MAX_RENDERS), modelAndView, request, response);
				}
			}
		});
	}

	private void measure(int renders, ModelAndView modelAndView, HttpServletRequest request,
			HttpServletResponse response) throws Exception {
		View view = this.views.resolveViewName(modelAndView.getViewName(), Locale.ENGLISH);
		if (view == null) {
			return;
		}
		HttpServletResponse sink = new Sink(response);
		for (int i = 0; i < renders / 4; i++) {
			view.render(new HashMap<>(modelAndView.getModel()), request, sink);
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long start = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < renders; i++) {
			view.render(new HashMap<>(modelAndView.getModel()), request, sink);
		}
		long nanos = threads.getCurrentThreadCpuTime() - start;
		response.setHeader(HEADER, String.format(Locale.ROOT, "%.1f", nanos / 1000.0 / Math.max(renders, 1)));
	}

	/** A response that takes a page and keeps none of it, nor any header. */
	static final class Sink extends HttpServletResponseWrapper {

		private final ServletOutputStream nowhere = new ServletOutputStream() {
			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setWriteListener(WriteListener listener) {
			}

			@Override
			public void write(int b) {
			}

			@Override
			public void write(byte[] bytes, int offset, int length) {
			}
		};

		Sink(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return new PrintWriter(Writer.nullWriter());
		}

		@Override
		public ServletOutputStream getOutputStream() {
			return this.nowhere;
		}

		@Override
		public void setContentType(String type) {
		}

		@Override
		public void setCharacterEncoding(String charset) {
		}

		@Override
		public void setLocale(Locale locale) {
		}

		@Override
		public void setHeader(String name, String value) {
		}

		@Override
		public void addHeader(String name, String value) {
		}

	}

}

package org.prospectus.site;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.prospectus.web.SecurityHeaders;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The error page for requests the servlet container refuses before the portal sees them:
 * an encoded slash, a lone {@code %}, a character no request line may carry. Tomcat
 * answers those from its host, with its own "HTTP Status 400" page and none of the
 * portal's headers. This puts the site's error page and {@link SecurityHeaders} in place
 * of that page: Spring Boot's error report valve, and the one the host would add, are
 * replaced by this one before the host starts.
 * <p>
 * The page is rendered without a request ({@code templates/error/container.html}), so it
 * has the site's look and messages but nothing that needs a session or a signed-in
 * person.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final ObjectProvider<ITemplateEngine> templates;

	private final Locale locale;

	ContainerErrorPages(ObjectProvider<ITemplateEngine> templates, WebProperties web) {
		this.templates = templates;
		this.locale = (web.getLocale() != null) ? web.getLocale() : Locale.ENGLISH;
	}

	/** After Spring Boot's own customizer, whatever it adds. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Container host = context.getParent();
			host.addLifecycleListener((event) -> {
				if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
					replaceErrorReportValves(host);
				}
			});
		});
	}

	private void replaceErrorReportValves(Container host) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve && !(valve instanceof SitePageValve)) {
				host.getPipeline().removeValve(valve);
			}
		}
		host.getPipeline().addValve(new SitePageValve(this));
		if (host instanceof StandardHost standard) {
			// So that the host adds no report valve of its own when it starts.
			standard.setErrorReportValveClass(SitePageValve.class.getName());
		}
	}

	String render(int status) {
		return this.templates.getObject()
			.process("error/container", new Context(this.locale, Map.of("status", status)));
	}

	/** Tomcat's report valve, writing the site's page instead of Tomcat's. */
	static final class SitePageValve extends ErrorReportValve {

		private final ContainerErrorPages pages;

		SitePageValve(ContainerErrorPages pages) {
			this.pages = pages;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(true);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get() || !response.setErrorReported()) {
				return;
			}
			SecurityHeaders.writeForError(response);
			try {
				String page = this.pages.render(status);
				response.setContentType("text/html");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(page);
					response.finishResponse();
				}
			}
			catch (IOException | RuntimeException ex) {
				// The status and headers stand; there is no page to add.
				getContainer().getLogger().debug("The error page could not be written", ex);
			}
		}

	}

}

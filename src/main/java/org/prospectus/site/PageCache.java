package org.prospectus.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.prospectus.site.CatalogueVersion.State;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Rendered public pages, kept in memory and sent again without rendering (issue 15, ADR
 * 0023). It sits in front of the session store and the security filters, so a page it has
 * costs about what copying its bytes costs.
 * <p>
 * What it keeps: an anonymous GET (a HEAD gets the same headers, not from the cache) of a
 * {@link PublicPageCaching#PAGES public page} that answered 200 and that
 * {@link PublicPageCaching} let shared caches keep (so no session was made and no cookie
 * set), with every header the portal's filters wrote, and a gzipped copy made once. The
 * key is the address as requested (scheme, host, port, path and query: absolute links are
 * made from it when {@code prospectus.base-url} is not set) and the locale the page is
 * rendered in.
 * <p>
 * How long: while the {@link CatalogueVersion catalogue} is the one it was rendered from,
 * up to the next instant its {@link org.prospectus.intake.RoundTimeline timeline} says
 * pages change by themselves, and at most {@code time-to-live}. So a publish on any
 * instance, and a round opening to the second, end the page at once.
 * <p>
 * Every public page an anonymous visitor gets carries an ETag made of what decides its
 * content (the build, the catalogue version, the last change of the timeline, the
 * locale), the same on every instance. A GET with that ETag in {@code If-None-Match}
 * answers 304 before anything is rendered, with the cache on or off.
 */
@Component
@Order(PageCache.ORDER)
@EnableConfigurationProperties(PageCache.Settings.class)
class PageCache extends OncePerRequestFilter {

	/**
	 * After the request id and the request metrics (so hits have both), before the
	 * session store ({@code Integer.MIN_VALUE + 50}) and the security filters.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	/**
	 * Files made of the catalogue alone, which are not kept but carry the pages' ETag and
	 * answer 304 like them (issue 25): they name their own caching.
	 */
	static final List<String> VALIDATED = List.of("/courses/*/syllabus.pdf", "/sitemap.xml", "/robots.txt");

	/** Headers the cache writes itself, or the container does. */
	private static final Set<String> NOT_KEPT = Set.of("content-length", "content-encoding", "transfer-encoding",
			"date", "etag", "vary", "set-cookie", "content-type");

	private static final String VARY = HttpHeaders.COOKIE + ", " + HttpHeaders.ACCEPT_ENCODING;

	private final CatalogueVersion catalogue;

	private final Clock clock;

	private final LocaleResolver locales;

	private final Settings settings;

	private final String build;

	private final List<PathPattern> pages;

	private final List<PathPattern> validated;

	private final Cache<String, Page> cache;

	private volatile boolean enabled;

	PageCache(CatalogueVersion catalogue, Clock clock, LocaleResolver localeResolver, Settings settings,
			ObjectProvider<BuildProperties> build, MeterRegistry meters) {
		this.catalogue = catalogue;
		this.clock = clock;
		this.locales = localeResolver;
		this.settings = settings;
		this.enabled = settings.enabled();
		BuildProperties properties = build.getIfAvailable();
		// Without build information each start is a build of its own: correct, though two
		// instances then give the same page different ETags.
		this.build = Long.toString(((properties != null && properties.getTime() != null)
				? properties.getTime().toEpochMilli() : System.nanoTime()) & 0xFFFFFFFFFFL, 36);
		PathPatternParser parser = new PathPatternParser();
		this.pages = PublicPageCaching.PAGES.stream().map(parser::parse).toList();
		this.validated = VALIDATED.stream().map(parser::parse).toList();
		this.cache = Caffeine.newBuilder()
			.maximumWeight(settings.maxSize().toBytes())
			.weigher((String key, Page page) -> key.length() * 2 + page.weight())
			.expireAfterWrite(settings.timeToLive())
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.cache, "pages");
		catalogue.onChange(this.cache::invalidateAll);
	}

	/**
	 * {@code prospectus.page-cache.*}.
	 *
	 * @param enabled whether rendered pages are kept (ETags and 304 answers do not depend
	 * on it)
	 * @param maxSize the most memory the kept pages take, both copies counted
	 * @param timeToLive the longest a page is kept, whatever else: a ceiling for what no
	 * rule foresaw, not what makes pages current
	 */
	@ConfigurationProperties("prospectus.page-cache")
	record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("64MB") DataSize maxSize,
			@DefaultValue("10m") Duration timeToLive) {
	}

	/** Tests switch the cache on and off in the one application context they share. */
	void setEnabled(boolean enabled) {
		this.enabled = enabled;
		this.cache.invalidateAll();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!PublicPageCaching.isGetOrHead(request) || PublicPageCaching.hasSessionCookie(request)) {
			return true;
		}
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (PathPattern page : this.pages) {
			if (page.matches(path)) {
				return false;
			}
		}
		return !isValidated(request);
	}

	private boolean isValidated(HttpServletRequest request) {
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (PathPattern file : this.validated) {
			if (file.matches(path)) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		State state = this.catalogue.current();
		if (state == null) {
			chain.doFilter(request, response);
			return;
		}
		Instant now = this.clock.instant();
		Locale locale = this.locales.resolveLocale(request);
		String etag = "W/\"" + this.build + "-" + state.version() + "-"
				+ epochString(state.timeline().lastChangeAtOrBefore(now)) + "-" + locale.toLanguageTag() + "\"";
		if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			response.setHeader(HttpHeaders.ETAG, etag);
			if (!isValidated(request)) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, PublicPageCaching.PUBLIC);
			}
			response.setHeader(HttpHeaders.VARY, VARY);
			return;
		}
		if (isValidated(request)) {
			// Set before the body is written, which may be streamed; the controller names
			// the caching.
			response.setHeader(HttpHeaders.ETAG, etag);
			chain.doFilter(request, response);
			return;
		}
		String key = key(request, locale);
		// A HEAD gets the GET's headers and ETag, but neither reads nor fills the cache:
		// its rendering has no body to keep.
		boolean head = "HEAD".equals(request.getMethod());
		if (this.enabled && !head) {
			Page page = this.cache.getIfPresent(key);
			if (page != null && page.state == state && !now.isBefore(page.rendered) && now.isBefore(page.expires)) {
				page.writeTo(request, response);
				return;
			}
		}
		Set<String> before = new HashSet<>();
		response.getHeaderNames().forEach((name) -> before.add(name.toLowerCase(Locale.ROOT)));
		RenderedPage rendered = new RenderedPage(response);
		chain.doFilter(request, rendered);
		if (rendered.isBuffered() && rendered.getStatus() == HttpServletResponse.SC_OK
				&& PublicPageCaching.PUBLIC.equals(rendered.getHeader(HttpHeaders.CACHE_CONTROL))
				&& !rendered.containsHeader(HttpHeaders.SET_COOKIE)) {
			rendered.setHeader(HttpHeaders.ETAG, etag);
			rendered.setHeader(HttpHeaders.VARY, VARY);
			if (this.enabled && !head && rendered.size() <= this.settings.maxSize().toBytes() / 64) {
				Instant expires = state.timeline().nextChangeAfter(now);
				this.cache.put(key, Page.of(state, now, expires, etag, rendered, before));
			}
		}
		rendered.send();
	}

	private static String key(HttpServletRequest request, Locale locale) {
		StringBuilder key = new StringBuilder(128).append(request.getScheme())
			.append("://")
			.append(request.getServerName())
			.append(':')
			.append(request.getServerPort())
			.append(request.getRequestURI());
		String query = request.getQueryString();
		if (query != null) {
			key.append('?').append(query);
		}
		return key.append('|').append(locale.toLanguageTag()).toString();
	}

	private static String epochString(Instant instant) {
		return Long.toString(instant.getEpochSecond(), 36) + "." + instant.getNano();
	}

	/** Whether an {@code If-None-Match} names the ETag (or is {@code *}). */
	static boolean matches(@Nullable String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		String opaque = etag.substring(2);
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.equals("*") || tag.equals(etag) || tag.equals(opaque)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a request takes gzip ({@code Accept-Encoding: gzip}, not with q=0). */
	static boolean acceptsGzip(HttpServletRequest request) {
		String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		if (accepted == null) {
			return false;
		}
		for (String coding : accepted.split(",")) {
			String[] parts = coding.split(";");
			String name = parts[0].strip();
			if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
				for (int i = 1; i < parts.length; i++) {
					String parameter = parts[i].strip().replace(" ", "");
					if (parameter.matches("q=0(\\.0{0,3})?")) {
						return false;
					}
				}
				return true;
			}
		}
		return false;
	}

	/**
	 * A kept page: the bytes as rendered, gzipped once, and the headers to send them
	 * with.
	 */
	private static final class Page {

		private final State state;

		private final Instant rendered;

		private final Instant expires;

		private final String etag;

		private final String contentType;

		private final List<Map.Entry<String, String>> headers;

		private final byte[] body;

		private final byte @Nullable [] gzipped;

		private Page(State state, Instant rendered, Instant expires, String etag, String contentType,
				List<Map.Entry<String, String>> headers, byte[] body) {
			this.state = state;
			this.rendered = rendered;
			this.expires = expires;
			this.etag = etag;
			this.contentType = contentType;
			this.headers = headers;
			this.body = body;
			byte[] compressed = gzip(body);
			this.gzipped = (compressed.length < body.length) ? compressed : null;
		}

		static Page of(State state, Instant renderedAt, Instant expires, String etag, RenderedPage rendered,
				Set<String> setBefore) {
			List<Map.Entry<String, String>> headers = new ArrayList<>();
			for (String name : new HashSet<>(rendered.getHeaderNames())) {
				String lower = name.toLowerCase(Locale.ROOT);
				if (!NOT_KEPT.contains(lower) && !setBefore.contains(lower)) {
					rendered.getHeaders(name).forEach((value) -> headers.add(Map.entry(name, value)));
				}
			}
			String contentType = rendered.getContentType();
			return new Page(state, renderedAt, expires, etag,
					(contentType != null) ? contentType : "text/html;charset=UTF-8", List.copyOf(headers),
					rendered.toByteArray());
		}

		int weight() {
			return this.body.length + ((this.gzipped != null) ? this.gzipped.length : 0) + 512;
		}

		void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException {
			response.setStatus(HttpServletResponse.SC_OK);
			for (Map.Entry<String, String> header : this.headers) {
				response.addHeader(header.getKey(), header.getValue());
			}
			response.setHeader(HttpHeaders.ETAG, this.etag);
			response.setHeader(HttpHeaders.VARY, VARY);
			response.setContentType(this.contentType);
			byte[] sent = this.body;
			if (this.gzipped != null && acceptsGzip(request)) {
				response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
				sent = this.gzipped;
			}
			response.setContentLength(sent.length);
			response.getOutputStream().write(sent);
		}

		private static byte[] gzip(byte[] body) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
			try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
				{
					this.def.setLevel(Deflater.BEST_COMPRESSION);
				}
			}) {
				gzip.write(body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return out.toByteArray();
		}

	}

}

package org.prospectus.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
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
 * <p>
 * Someone signed in (a GET with a session cookie) gets the same kept page with their own
 * parts of the layout rendered for them (ADR 0029): the rendering that is kept marks the
 * layout's {@link #PER_PERSON per-person fragments} with this instance's nonce, the marks
 * are taken out of what anyone is sent, and the page is kept split at them.
 * {@link KeptPageForViewer} fills them in, after the session store and the security
 * filters. Only anonymous renderings are ever kept.
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
	static final List<String> VALIDATED = List.of("/courses/*/syllabus.pdf", "/courses/*/syllabus/*.pdf",
			"/sitemap.xml", "/robots.txt");

	/** Headers the cache writes itself, or the container does. */
	private static final Set<String> NOT_KEPT = Set.of("content-length", "content-encoding", "transfer-encoding",
			"date", "etag", "vary", "set-cookie", "content-type");

	private static final String VARY = HttpHeaders.COOKIE + ", " + HttpHeaders.ACCEPT_ENCODING;

	/**
	 * The layout's fragments that differ from person to person: the header's links and
	 * sign-out forms, and the footer's sign-ins (ADR 0029).
	 */
	static final List<String> PER_PERSON = List.of("viewer-nav", "viewer-actions", "viewer-footer");

	/**
	 * The request attribute that asks the layout to mark its {@link #PER_PERSON parts}:
	 * this instance's nonce, which never leaves the server.
	 */
	static final String MARK = "keptPageMark";

	/** The request attribute that hands a kept page to {@link KeptPageForViewer}. */
	static final String KEPT = PageCache.class.getName() + ".KEPT";

	/** Headers of a kept page that a signed-in visitor's copy never carries. */
	private static final Set<String> PUBLIC_ONLY = Set.of("cache-control", "pragma", "expires");

	private final CatalogueVersion catalogue;

	private final Clock clock;

	private final LocaleResolver locales;

	private final Settings settings;

	private final String build;

	private final List<PathPattern> pages;

	private final List<PathPattern> validated;

	private final Cache<String, Page> cache;

	private final String mark;

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
		byte[] nonce = new byte[16];
		new SecureRandom().nextBytes(nonce);
		this.mark = HexFormat.of().formatHex(nonce);
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
		if (!PublicPageCaching.isGetOrHead(request)) {
			return true;
		}
		return !isPage(request) && (PublicPageCaching.hasSessionCookie(request) || !isValidated(request));
	}

	private boolean isPage(HttpServletRequest request) {
		PathContainer path = PathContainer
			.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (PathPattern page : this.pages) {
			if (page.matches(path)) {
				return true;
			}
		}
		return false;
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
		if (PublicPageCaching.hasSessionCookie(request)) {
			signedIn(request, response, chain);
			return;
		}
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
			if (page != null && page.isCurrent(state, now)) {
				page.writeTo(request, response);
				return;
			}
		}
		Set<String> before = new HashSet<>();
		response.getHeaderNames().forEach((name) -> before.add(name.toLowerCase(Locale.ROOT)));
		RenderedPage rendered = new RenderedPage(response);
		// Only a rendering that may be kept marks its per-person parts; the marks are
		// taken out below, whatever becomes of the page, and never sent.
		boolean marked = this.enabled && !head;
		if (marked) {
			request.setAttribute(MARK, this.mark);
		}
		try {
			chain.doFilter(request, rendered);
		}
		finally {
			request.removeAttribute(MARK);
		}
		if (!rendered.isBuffered()) {
			return;
		}
		Segments segments = marked ? Segments.of(rendered.toByteArray(), this.mark) : null;
		if (segments != null) {
			rendered.replaceContent(segments.anonymous());
		}
		if (rendered.getStatus() == HttpServletResponse.SC_OK
				&& PublicPageCaching.PUBLIC.equals(rendered.getHeader(HttpHeaders.CACHE_CONTROL))
				&& !rendered.containsHeader(HttpHeaders.SET_COOKIE)) {
			rendered.setHeader(HttpHeaders.ETAG, etag);
			rendered.setHeader(HttpHeaders.VARY, VARY);
			if (this.enabled && !head && rendered.size() <= this.settings.maxSize().toBytes() / 64) {
				Instant expires = state.timeline().nextChangeAfter(now);
				this.cache.put(key, Page.of(state, now, expires, etag, rendered, before,
						(segments != null && segments.complete()) ? segments : null));
			}
		}
		rendered.send();
	}

	/**
	 * Someone with a session cookie (ADR 0029). If this instance keeps the page, current
	 * by the same rules as for anyone, it goes on through the session store and the
	 * security filters with the kept page in hand, and {@link KeptPageForViewer} sends it
	 * with the person's own parts rendered for them. Otherwise it is rendered as theirs,
	 * as it always was. Neither gets an ETag or a 304, and neither is kept.
	 */
	private void signedIn(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		State state = this.catalogue.current();
		if (!this.enabled || state == null || !"GET".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		Instant now = this.clock.instant();
		Page page = this.cache.getIfPresent(key(request, this.locales.resolveLocale(request)));
		if (page == null || page.segments == null || !page.isCurrent(state, now)) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(KEPT, page);
		try {
			chain.doFilter(request, response);
		}
		finally {
			request.removeAttribute(KEPT);
		}
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
	static final class Page {

		private final State state;

		private final Instant rendered;

		private final Instant expires;

		private final String etag;

		private final String contentType;

		private final List<Map.Entry<String, String>> headers;

		private final byte[] body;

		private final byte @Nullable [] gzipped;

		private final @Nullable Segments segments;

		private Page(State state, Instant rendered, Instant expires, String etag, String contentType,
				List<Map.Entry<String, String>> headers, byte[] body, @Nullable Segments segments) {
			this.segments = segments;
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
				Set<String> setBefore, @Nullable Segments segments) {
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
					rendered.toByteArray(), segments);
		}

		boolean isCurrent(State current, Instant now) {
			return this.state == current && !now.isBefore(this.rendered) && now.isBefore(this.expires);
		}

		int weight() {
			return this.body.length + ((this.gzipped != null) ? this.gzipped.length : 0)
					+ ((this.segments != null) ? this.body.length : 0) + 512;
		}

		/**
		 * The page for someone signed in: the kept anonymous rendering with their own
		 * {@link #PER_PERSON parts} in place of the anonymous ones, under the headers the
		 * page's own handler wrote, and private ({@code no-store}, no ETag): it is
		 * theirs. The container compresses it.
		 */
		void writeFor(HttpServletResponse response, Map<String, byte[]> parts) throws IOException {
			Segments segments = this.segments;
			if (segments == null) {
				throw new IllegalStateException("A page without marked parts is never sent to someone signed in");
			}
			byte[] body = segments.with(parts);
			response.setStatus(HttpServletResponse.SC_OK);
			Set<String> written = new HashSet<>();
			for (Map.Entry<String, String> header : this.headers) {
				String lower = header.getKey().toLowerCase(Locale.ROOT);
				if (PUBLIC_ONLY.contains(lower)) {
					continue;
				}
				if (written.add(lower)) {
					response.setHeader(header.getKey(), header.getValue());
				}
				else {
					response.addHeader(header.getKey(), header.getValue());
				}
			}
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
			response.setHeader(HttpHeaders.PRAGMA, "no-cache");
			response.setHeader(HttpHeaders.EXPIRES, "0");
			response.setContentType(this.contentType);
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
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

	/**
	 * A page split at the marks around its {@link #PER_PERSON per-person parts}: the
	 * parts between them, and the page as an anonymous visitor gets it, without the
	 * marks.
	 */
	record Segments(List<byte[]> between, List<String> parts, byte[] anonymous, boolean complete) {

		private static final String OPEN = "<kept-mark data-at=\"";

		private static final String CLOSE = "\"></kept-mark>";

		/**
		 * Splits a page, or {@code null} when it has no marks. Marks that do not pair up
		 * as the layout writes them are taken out, and the page is not {@link #complete}:
		 * it is still sent to anonymous visitors, but never served to anyone signed in.
		 */
		static @Nullable Segments of(byte[] page, String nonce) {
			String text = new String(page, StandardCharsets.UTF_8);
			String prefix = OPEN + nonce + ":";
			if (!text.contains(prefix)) {
				return null;
			}
			List<byte[]> between = new ArrayList<>();
			List<String> parts = new ArrayList<>();
			StringBuilder anonymous = new StringBuilder(text.length());
			boolean complete = true;
			int at = 0;
			while (true) {
				int open = text.indexOf(prefix, at);
				if (open < 0) {
					break;
				}
				int openEnd = text.indexOf(CLOSE, open);
				String name = (openEnd < 0) ? "" : text.substring(open + prefix.length(), openEnd);
				String mark = prefix + name + CLOSE;
				int close = (openEnd < 0) ? -1 : text.indexOf(mark, openEnd + CLOSE.length());
				if (close < 0 || !PER_PERSON.contains(name) || parts.contains(name)) {
					// Not as the layout writes them: drop this mark and go on.
					complete = false;
					anonymous.append(text, at, open);
					at = (openEnd < 0) ? text.length() : openEnd + CLOSE.length();
					continue;
				}
				String before = text.substring(at, open);
				between.add(before.getBytes(StandardCharsets.UTF_8));
				parts.add(name);
				anonymous.append(before).append(text, openEnd + CLOSE.length(), close);
				at = close + mark.length();
			}
			String rest = text.substring(at);
			between.add(rest.getBytes(StandardCharsets.UTF_8));
			anonymous.append(rest);
			String stripped = anonymous.toString();
			if (stripped.contains(prefix)) {
				return new Segments(List.of(), List.of(), stripped.replace(prefix, "").getBytes(StandardCharsets.UTF_8),
						false);
			}
			return new Segments(List.copyOf(between), List.copyOf(parts), stripped.getBytes(StandardCharsets.UTF_8),
					complete && parts.size() == PER_PERSON.size());
		}

		/** The page with these renderings of its parts in place. */
		byte[] with(Map<String, byte[]> rendered) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(this.anonymous.length + 1024);
			for (int i = 0; i < this.between.size(); i++) {
				out.writeBytes(this.between.get(i));
				if (i < this.parts.size()) {
					byte[] part = rendered.get(this.parts.get(i));
					if (part == null) {
						throw new IllegalArgumentException("No rendering of " + this.parts.get(i));
					}
					out.writeBytes(part);
				}
			}
			return out.toByteArray();
		}

	}

}

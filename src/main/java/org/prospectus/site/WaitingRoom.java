package org.prospectus.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.prospectus.support.Hmac;
import org.prospectus.web.SecurityHeaders;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Where a new arrival waits when the portal is past capacity (issue 26, ADR 0027): a page
 * that says how many are ahead, keeps the place with a signed ticket in a cookie, and
 * loads itself again after a few seconds, without JavaScript. Only a page a browser asks
 * for ({@code GET} of HTML) is sent here; the request waits without holding a thread.
 * <p>
 * Tickets are numbered by the time of arrival, so the order holds across instances behind
 * one load balancer: every instance signs with the same key (table
 * {@code admission_key}). The oldest {@code front} tickets known to an instance are
 * called: when they come back they wait in the line itself, ahead of anyone who came
 * after them. Whoever got in through the room gets a pass, a signed cookie that counts
 * them as someone at work for the rest of their visit, so the room never stops an
 * applicant part-way through.
 */
@Component
class WaitingRoom {

	static final String TICKET = "prospectus-ticket";

	static final String PASS = "prospectus-pass";

	/** A ticket or a pass older than this is not honoured. */
	static final Duration VALIDITY = Duration.ofHours(2);

	private static final String REFRESH_OFF = "refresh=off";

	/**
	 * The most tickets an instance keeps track of; past that a new ticket is still given
	 * and ordered by its time, but not counted, so that a flood of new visitors costs
	 * bounded memory and time here.
	 */
	static final int MAX_TRACKED = 20_000;

	private final byte[] key;

	private final Function<Map<String, Object>, String> page;

	private final AtomicLong issued = new AtomicLong();

	/**
	 * Tickets this instance has seen and not let in, with when each was last seen (ms).
	 */
	private final TreeMap<Long, Long> tickets = new TreeMap<>();

	private long lastSweep;

	@Autowired
	WaitingRoom(JdbcClient jdbc, ObjectProvider<ITemplateEngine> templates, ObjectProvider<ResourceUrlProvider> assets,
			WebProperties web) {
		this(jdbc.sql("select secret from admission_key where id = 1")
			.query(String.class)
			.single()
			.getBytes(StandardCharsets.UTF_8), (variables) -> {
				Map<String, Object> all = new HashMap<>(variables);
				// The stylesheets at their versioned addresses, kept a year: a page that
				// loads itself again every few seconds fetches them once.
				all.put("bootstrapCss", asset(assets, "/webjars/bootstrap/dist/css/bootstrap.min.css"));
				all.put("siteCss", asset(assets, "/static/css/prospectus.css"));
				return templates.getObject()
					.process("waiting-room",
							new Context((web.getLocale() != null) ? web.getLocale() : Locale.ENGLISH, all));
			});
	}

	private static String asset(ObjectProvider<ResourceUrlProvider> assets, String path) {
		ResourceUrlProvider provider = assets.getIfAvailable();
		String versioned = (provider != null) ? provider.getForLookupPath(path) : null;
		return (versioned != null) ? versioned : path;
	}

	WaitingRoom(byte[] key, Function<Map<String, Object>, String> page) {
		this.key = key.clone();
		this.page = page;
	}

	/** A page a browser asks for, which can wait here and come back by itself. */
	static boolean canWait(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"GET".equals(method) && !"HEAD".equals(method)) {
			return false;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
	}

	/** Whether the request carries a valid pass: it came through the room. */
	boolean hasPass(HttpServletRequest request) {
		String value = cookie(request, PASS);
		if (value == null) {
			return false;
		}
		Long expires = signed("pass", value);
		return expires != null && expires > System.currentTimeMillis();
	}

	/** The request's valid ticket, or {@code null}. */
	Long ticket(HttpServletRequest request) {
		String value = cookie(request, TICKET);
		Long ticket = (value != null) ? signed("ticket", value) : null;
		if (ticket == null || arrival(ticket) < System.currentTimeMillis() - VALIDITY.toMillis()) {
			return null;
		}
		return ticket;
	}

	/** A new ticket for someone who arrived at {@code arrival} (epoch ms). */
	long issue(long arrival) {
		return (arrival << 10) | (this.issued.getAndIncrement() & 1023);
	}

	/** When the ticket's holder first arrived, in epoch milliseconds. */
	static long arrival(long ticket) {
		return ticket >>> 10;
	}

	/** Whether someone is waiting in the room: then a newcomer takes a ticket too. */
	synchronized boolean occupied() {
		sweep();
		return !this.tickets.isEmpty();
	}

	/**
	 * How many tickets ahead of this one are still waiting, having seen it now. A ticket
	 * with fewer than {@code front} ahead is called: it may wait in the line.
	 */
	synchronized int ahead(long ticket) {
		sweep();
		if (this.tickets.size() < MAX_TRACKED || this.tickets.containsKey(ticket)) {
			this.tickets.put(ticket, System.currentTimeMillis());
		}
		return this.tickets.headMap(ticket).size();
	}

	/** The ticket's holder got their turn. */
	synchronized void letIn(long ticket) {
		this.tickets.remove(ticket);
	}

	synchronized int waiting() {
		return this.tickets.size();
	}

	/** Forgets tickets whose holders stopped coming back (closed the tab). */
	private void sweep() {
		long now = System.currentTimeMillis();
		if (now - this.lastSweep < 1000) {
			return;
		}
		this.lastSweep = now;
		long forgotten = now - 4 * AdmissionControl.FAR_REFRESH.toMillis();
		for (Iterator<Long> seen = this.tickets.values().iterator(); seen.hasNext();) {
			if (seen.next() < forgotten) {
				seen.remove();
			}
		}
	}

	/**
	 * Answers with the waiting page: 200, not cached, with the ticket and a refresh after
	 * {@code refresh} unless the visitor turned refreshing off.
	 */
	void answer(HttpServletRequest request, HttpServletResponse response, long ticket, int ahead, Duration refresh)
			throws IOException {
		String query = request.getQueryString();
		boolean refreshOff = query != null && (query.equals(REFRESH_OFF) || query.endsWith("&" + REFRESH_OFF));
		String here = request.getRequestURI() + ((query != null) ? "?" + query : "");
		String on = refreshOff ? here.substring(0, here.length() - REFRESH_OFF.length() - 1) : here;
		String off = refreshOff ? here : here + ((query != null) ? "&" : "?") + REFRESH_OFF;
		long minutes = Math.max(0, (System.currentTimeMillis() - arrival(ticket)) / 60_000);
		String html = this.page.apply(Map.of("ahead", ahead, "minutes", minutes, "refresh", refresh.toSeconds(),
				"refreshOff", refreshOff, "checkUrl", here, "offUrl", off, "onUrl", on));
		SecurityHeaders.writeForError(response);
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, TICKET, sign("ticket", ticket)).toString());
		if (!refreshOff) {
			response.setHeader("Refresh", String.valueOf(refresh.toSeconds()));
		}
		response.setHeader("X-Robots-Tag", "noindex");
		byte[] body = html.getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentLength(body.length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(body);
		}
		response.flushBuffer();
	}

	/** Gives the pass to someone let in, and takes back their ticket. */
	void pass(HttpServletRequest request, HttpServletResponse response, boolean hadTicket) {
		long expires = System.currentTimeMillis() + VALIDITY.toMillis();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, PASS, sign("pass", expires)).toString());
		if (hadTicket) {
			response.addHeader(HttpHeaders.SET_COOKIE,
					ResponseCookie.from(TICKET, "").path("/").maxAge(0).httpOnly(true).build().toString());
		}
	}

	private static ResponseCookie cookie(HttpServletRequest request, String name, String value) {
		return ResponseCookie.from(name, value)
			.path("/")
			.maxAge(VALIDITY)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.build();
	}

	private static String cookie(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (name.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	String sign(String purpose, long value) {
		return value + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose + ":" + value));
	}

	/** The signed number, or {@code null} when the value is not one this key signed. */
	Long signed(String purpose, String value) {
		int dot = value.indexOf('.');
		if (dot <= 0) {
			return null;
		}
		long number;
		byte[] given;
		try {
			number = Long.parseLong(value.substring(0, dot));
			given = Base64.getUrlDecoder().decode(value.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return Hmac.sameBytes(mac(purpose + ":" + number), given) ? number : null;
	}

	private byte[] mac(String text) {
		return Hmac.sha256(this.key, text.getBytes(StandardCharsets.UTF_8));
	}

}

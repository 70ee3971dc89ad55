package org.prospectus.site;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletException;
import org.jspecify.annotations.Nullable;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The shared session store (ADR 0020) read at most once per request and written only when
 * the session changed (issue 26, ADR 0027).
 * <p>
 * Spring Session reads the session when a request first asks for it, then again when it
 * saves a response that was sent before the request ended (a page is flushed, then the
 * filter finishes), and Spring Security's session registry reads it once more to see
 * whether the session was ended elsewhere. Within one request these are all the same row,
 * so this repository remembers what it read for the rest of the request (only on the
 * request's own thread, and only while {@link #during} runs it) and hands back the same
 * object.
 * <p>
 * Spring Session also marks a session changed on every request, because it records the
 * time of last access, and so writes its row every time. Here that time is written only
 * when it has moved by {@code touchEvery} or more since it was last stored, or when
 * something else in the session changed (an attribute, the id, the idle limit). A session
 * may so end up to {@code touchEvery} before its idle limit; with a 30-minute limit and a
 * minute's step that is immaterial, and it is never longer than the limit.
 *
 * @param <S> the store's own session type
 */
final class SparingSessionRepository<S extends Session>
		implements FindByIndexNameSessionRepository<SparingSessionRepository.SparingSession<S>> {

	private static final ThreadLocal<@Nullable Map<String, SparingSession<?>>> READ = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<S> store;

	private final Duration touchEvery;

	SparingSessionRepository(FindByIndexNameSessionRepository<S> store, Duration touchEvery) {
		this.store = store;
		this.touchEvery = touchEvery;
	}

	/** Runs one request's work, remembering the sessions it reads until it ends. */
	static void during(RequestWork work) throws IOException, ServletException {
		Map<String, SparingSession<?>> outer = READ.get();
		READ.set(new HashMap<>(4));
		try {
			work.run();
		}
		finally {
			READ.set(outer);
			if (outer == null) {
				READ.remove();
			}
		}
	}

	@Override
	public SparingSession<S> createSession() {
		return new SparingSession<>(this.store.createSession(), null, this.touchEvery);
	}

	@Override
	public void save(SparingSession<S> session) {
		if (session.needsWriting()) {
			session.delegate.setLastAccessedTime(session.lastAccessed);
			this.store.save(session.delegate);
			session.written();
		}
		remember(session);
	}

	@Override
	@SuppressWarnings("unchecked")
	public @Nullable SparingSession<S> findById(String id) {
		Map<String, SparingSession<?>> read = READ.get();
		if (read != null && read.containsKey(id)) {
			SparingSession<S> known = (SparingSession<S>) read.get(id);
			return (known == null || known.isExpired()) ? null : known;
		}
		S found = this.store.findById(id);
		SparingSession<S> session = (found != null)
				? new SparingSession<>(found, found.getLastAccessedTime(), this.touchEvery) : null;
		if (read != null) {
			read.put(id, session);
		}
		return session;
	}

	@Override
	public void deleteById(String id) {
		this.store.deleteById(id);
		Map<String, SparingSession<?>> read = READ.get();
		if (read != null) {
			read.put(id, null);
		}
	}

	@Override
	public Map<String, SparingSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, SparingSession<S>> sessions = new LinkedHashMap<>();
		this.store.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> sessions.put(id,
					new SparingSession<>(session, session.getLastAccessedTime(), this.touchEvery)));
		return sessions;
	}

	private void remember(SparingSession<S> session) {
		Map<String, SparingSession<?>> read = READ.get();
		if (read != null) {
			read.put(session.getId(), session);
		}
	}

	/** A request's work, as a filter chain runs it. */
	@FunctionalInterface
	interface RequestWork {

		void run() throws IOException, ServletException;

	}

	/**
	 * A stored session that remembers whether anything worth writing changed.
	 *
	 * @param <S> the store's own session type
	 */
	static final class SparingSession<S extends Session> implements Session {

		private final S delegate;

		private final Duration touchEvery;

		/** When the store last recorded an access; {@code null} while never stored. */
		private @Nullable Instant stored;

		private Instant lastAccessed;

		private boolean changed;

		SparingSession(S delegate, @Nullable Instant stored, Duration touchEvery) {
			this.delegate = delegate;
			this.stored = stored;
			this.touchEvery = touchEvery;
			this.lastAccessed = delegate.getLastAccessedTime();
		}

		boolean needsWriting() {
			return this.stored == null || this.changed
					|| Duration.between(this.stored, this.lastAccessed).compareTo(this.touchEvery) >= 0;
		}

		void written() {
			this.stored = this.lastAccessed;
			this.changed = false;
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.delegate.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return this.delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			if (this.delegate.getAttribute(attributeName) != null) {
				this.changed = true;
				this.delegate.removeAttribute(attributeName);
			}
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.lastAccessed = lastAccessedTime;
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.lastAccessed;
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			Duration limit = getMaxInactiveInterval();
			return !limit.isNegative() && !Instant.now().isBefore(this.lastAccessed.plus(limit));
		}

	}

}

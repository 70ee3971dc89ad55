package org.prospectus.support;

import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Counts every SQL statement the application sends, whatever sends it (Hibernate,
 * JdbcClient), by wrapping the DataSource. Used for query budgets per page. The shared
 * session store's statements (ADR 0020) are counted apart: they are the same few on every
 * request that has a session, whatever the page, while the budgets are there to catch
 * statements that grow with the data.
 */
public final class StatementCounter implements QueryExecutionListener, BeanPostProcessor {

	private final AtomicInteger count = new AtomicInteger();

	private final AtomicInteger sessionStore = new AtomicInteger();

	private final Queue<String> sessionStatements = new ConcurrentLinkedQueue<>();

	private final Queue<String> statements = new ConcurrentLinkedQueue<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
			return ProxyDataSourceBuilder.create(dataSource).name("counted").listener(this).build();
		}
		return bean;
	}

	private volatile @Nullable Predicate<String> failing;

	/**
	 * The next statement that {@code statement} accepts fails as a lost database
	 * connection does, before it reaches the database; once.
	 */
	public void failNext(Predicate<String> statement) {
		this.failing = statement;
	}

	@Override
	public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		Predicate<String> statement = this.failing;
		if (statement != null && queryInfoList.stream().map(QueryInfo::getQuery).anyMatch(statement)) {
			this.failing = null;
			throw new DataAccessResourceFailureException("The database went away (a test's failure)");
		}
	}

	@Override
	public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
		for (QueryInfo query : queryInfoList) {
			boolean session = query.getQuery().toUpperCase(Locale.ROOT).contains("SPRING_SESSION");
			(session ? this.sessionStore : this.count).incrementAndGet();
			if (session) {
				this.sessionStatements.add(query.getQuery());
			}
			else {
				this.statements.add(execInfo.getConnectionId() + ": " + query.getQuery());
			}
		}
	}

	public void reset() {
		this.count.set(0);
		this.sessionStore.set(0);
		this.sessionStatements.clear();
		this.statements.clear();
		this.failing = null;
	}

	/** The session store's statements since the last {@link #reset()}, in order. */
	public List<String> sessionStatements() {
		return List.copyOf(this.sessionStatements);
	}

	/** The session store's statements since the last {@link #reset()}. */
	public int sessionStoreCount() {
		return this.sessionStore.get();
	}

	/**
	 * The statements other than the session store's since the last {@link #reset()}, in
	 * order, each after the id of the connection that ran it.
	 */
	public List<String> statements() {
		return List.copyOf(this.statements);
	}

	public int count() {
		return this.count.get();
	}

}

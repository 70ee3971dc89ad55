package org.prospectus.site;

import java.util.concurrent.Executor;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Runs every {@code @ApplicationModuleListener} on the publishing thread, straight after
 * the publisher's commit (ADR 0031). The annotation is {@code @Async}, and Spring
 * Modulith switches {@code @EnableAsync} on when nothing else does; without this an
 * applicant who withdraws could still see their offer open on the next page, and the
 * listeners would take database connections outside the eight requests that admission
 * control lets work at once (ADR 0027). Nothing else in the portal is {@code @Async}.
 */
@Configuration(proxyBeanMethods = false)
class SynchronousModuleListeners implements AsyncConfigurer {

	@Override
	public Executor getAsyncExecutor() {
		return new SyncTaskExecutor();
	}

}

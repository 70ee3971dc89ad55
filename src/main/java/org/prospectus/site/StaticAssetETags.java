package org.prospectus.site;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;

/**
 * A static file's ETag is a hash of its content: the same MD5 that its hashed address
 * names ({@code spring.web.resources.chain.strategy.content}). A new build of the same
 * file keeps it, so a browser that asks again after a deployment gets a 304, where the
 * file's Last-Modified changed with every build. It is weak ({@code W/}) because the
 * gzipped and the plain response carry the same content under one validator. Each file's
 * hash is computed once, from the file as built, and kept; only files that exist are
 * kept, so a thousand entries hold every one of them.
 * <p>
 * Spring Boot registers the {@code /static/**} and {@code /webjars/**} handlers itself
 * and has no property for their ETag, so the generator is given to them here.
 */
@Component
class StaticAssetETags implements BeanPostProcessor {

	/**
	 * By the resource itself, as the resource chain's cache hands the same one out for
	 * each request: asking a class path resource for its URL is a class loader look-up.
	 */
	private final Cache<Resource, String> etags = Caffeine.newBuilder().weakKeys().maximumSize(1_000).build();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof SimpleUrlHandlerMapping mapping) {
			for (Object handler : mapping.getUrlMap().values()) {
				if (handler instanceof ResourceHttpRequestHandler resources) {
					resources.setEtagGenerator(this::etag);
				}
			}
		}
		return bean;
	}

	@Nullable String etag(Resource resource) {
		return this.etags.get(resource, StaticAssetETags::contentHash);
	}

	private static @Nullable String contentHash(Resource resource) {
		try (InputStream in = decoded(resource)) {
			return "W/\"" + DigestUtils.md5DigestAsHex(in) + "\"";
		}
		catch (IOException ex) {
			// Served without a validator: the next request tries again.
			return null;
		}
	}

	/** The file's own bytes, whether the gzipped copy or the file itself is sent. */
	private static InputStream decoded(Resource resource) throws IOException {
		boolean gzipped = resource instanceof HttpResource http
				&& "gzip".equals(http.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING));
		return gzipped ? new GZIPInputStream(resource.getInputStream()) : resource.getInputStream();
	}

}

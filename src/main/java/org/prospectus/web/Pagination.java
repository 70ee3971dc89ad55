package org.prospectus.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links for a paged list that keep every other query parameter, so that a filtered view
 * stays filtered from page to page and can be bookmarked.
 *
 * @param current the current page, from 1
 * @param totalPages how many pages there are
 * @param previous the previous page's link, or {@code null} on the first page
 * @param next the next page's link, or {@code null} on the last page
 * @param pages links to the pages around the current one
 */
public record Pagination(int current, int totalPages, @Nullable String previous, @Nullable String next,
		List<PageLink> pages) {

	/** How many page numbers to show on each side of the current one. */
	private static final int WINDOW = 2;

	public static Pagination of(Page<?> page, HttpServletRequest request) {
		int current = page.getNumber() + 1;
		int total = page.getTotalPages();
		UriComponentsBuilder base = UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString());
		List<PageLink> pages = new ArrayList<>();
		for (int number = Math.max(1, current - WINDOW); number <= Math.min(total, current + WINDOW); number++) {
			pages.add(new PageLink(number, link(base, number), number == current));
		}
		return new Pagination(current, total, (current > 1) ? link(base, current - 1) : null,
				(current < total) ? link(base, current + 1) : null, List.copyOf(pages));
	}

	private static String link(UriComponentsBuilder base, int number) {
		return base.cloneBuilder().replaceQueryParam("page", number).build(true).toUriString();
	}

	/**
	 * A page number from a query parameter: 1 when missing or not a number, and never
	 * beyond {@code 10,000}, so a hand-edited URL cannot ask for an absurd offset.
	 */
	public static int pageNumber(String page) {
		try {
			return Math.max(1, Math.min(Integer.parseInt(page.strip()), 10_000));
		}
		catch (NumberFormatException | NullPointerException ex) {
			return 1;
		}
	}

	public boolean isNeeded() {
		return this.totalPages > 1;
	}

	/**
	 * @param number the page number, from 1
	 * @param href its link
	 * @param current whether it is the page shown
	 */
	public record PageLink(int number, String href, boolean current) {
	}

}

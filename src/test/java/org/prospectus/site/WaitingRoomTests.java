package org.prospectus.site;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waiting room of {@link AdmissionControl}: past capacity a new arrival's page waits
 * in the room, not on a thread; the ticket keeps the place against later arrivals, a
 * forged ticket or pass counts for nothing, whoever gets in carries a pass, and nobody
 * part-way through, or sending a form, is ever sent to the room.
 */
class WaitingRoomTests {

	final WaitingRoom room = new WaitingRoom("a key for the tests".getBytes(StandardCharsets.UTF_8),
			(variables) -> "<html data-waiting-room>" + variables.get("ahead") + " ahead, check "
					+ variables.get("checkUrl") + "</html>");

	/** One turn, one newcomer at the front of the line, a short wait there. */
	final AdmissionControl admission = new AdmissionControl(
			new AdmissionControl.Settings(1, 100, Duration.ofSeconds(5), 4, 16, 1, Duration.ofSeconds(5)), this.room,
			new SimpleMeterRegistry());

	final ExecutorService threads = Executors.newCachedThreadPool();

	final CountDownLatch release = new CountDownLatch(1);

	/** Holds its turn until {@link #release} opens. */
	final FilterChain busy = holdUntil(this.release);

	final FilterChain quick = (request, response) -> response.getWriter().write("<html>the page</html>");

	@AfterEach
	void stop() {
		this.release.countDown();
		this.threads.shutdownNow();
	}

	static MockHttpServletRequest page(String path, Cookie... cookies) {
		int query = path.indexOf('?');
		MockHttpServletRequest request = new MockHttpServletRequest("GET",
				(query < 0) ? path : path.substring(0, query));
		if (query >= 0) {
			request.setQueryString(path.substring(query + 1));
		}
		request.addHeader(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8");
		if (cookies.length > 0) {
			request.setCookies(cookies);
		}
		return request;
	}

	/** A request that holds its turn until the latch opens. */
	static FilterChain holdUntil(CountDownLatch latch) {
		return (request, response) -> {
			try {
				latch.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
	}

	MockHttpServletResponse send(MockHttpServletRequest request, FilterChain chain) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.admission.doFilter(request, response, chain);
		return response;
	}

	Future<MockHttpServletResponse> sendLater(MockHttpServletRequest request, FilterChain chain) {
		return this.threads.submit(() -> send(request, chain));
	}

	static boolean inRoom(MockHttpServletResponse response) throws Exception {
		return response.getContentAsString().contains("data-waiting-room");
	}

	static Cookie ticketOf(MockHttpServletResponse response) {
		return response.getCookie(WaitingRoom.TICKET);
	}

	void waitUntil(BooleanSupplier condition) {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean() && System.nanoTime() < end) {
			Thread.onSpinWait();
		}
		assertThat(condition.getAsBoolean()).isTrue();
	}

	@Test
	void pastCapacityNewArrivalsWaitInTheRoomInTheOrderTheyCameAndGetInWithAPass() throws Exception {
		Future<MockHttpServletResponse> working = sendLater(page("/applications"), this.busy);
		waitUntil(() -> this.admission.line().working() == 1);
		Future<MockHttpServletResponse> front = sendLater(page("/programmes"), this.quick);
		waitUntil(() -> this.admission.line().newcomersWaiting() == 1);

		MockHttpServletResponse second = send(page("/account/sign-in"), this.quick);
		assertThat(inRoom(second)).as("the front of the line is full").isTrue();
		assertThat(second.getStatus()).isEqualTo(200);
		assertThat(second.getHeader("Refresh")).isEqualTo("5");
		assertThat(second.getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
		assertThat(second.getContentAsString()).contains("0 ahead", "check /account/sign-in");
		Cookie secondTicket = ticketOf(second);
		assertThat(secondTicket.isHttpOnly()).isTrue();
		Thread.sleep(5);
		MockHttpServletResponse third = send(page("/account/sign-in"), this.quick);
		assertThat(third.getContentAsString()).contains("1 ahead");
		Cookie thirdTicket = ticketOf(third);

		Cookie forged = new Cookie(WaitingRoom.TICKET, "1." + secondTicket.getValue().split("\\.")[1]);
		assertThat(inRoom(send(page("/account/sign-in", forged), this.quick)))
			.as("a forged ticket is a new arrival's, behind the others")
			.isTrue();
		assertThat(inRoom(send(page("/search", new Cookie(WaitingRoom.PASS, "99999999999999.bm9uZQ")), this.quick)))
			.as("so is a forged pass")
			.isTrue();
		Future<MockHttpServletResponse> atWork = sendLater(page("/applications/new"), this.quick);
		waitUntil(() -> this.admission.line().waiting() == 2);
		assertThat(this.admission.line().newcomersWaiting()).as("someone at work waits in the line, never in the room")
			.isEqualTo(1);

		this.release.countDown();
		assertThat(inRoom(atWork.get(10, TimeUnit.SECONDS))).isFalse();
		assertThat(working.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		MockHttpServletResponse frontAnswer = front.get(10, TimeUnit.SECONDS);
		assertThat(frontAnswer.getContentAsString()).isEqualTo("<html>the page</html>");
		assertThat(frontAnswer.getCookie(WaitingRoom.PASS)).as("let in after waiting: a pass").isNotNull();

		MockHttpServletResponse thirdBack = send(page("/account/sign-in", thirdTicket), this.quick);
		assertThat(inRoom(thirdBack)).as("the second came first: the third still waits").isTrue();
		assertThat(thirdBack.getContentAsString()).contains("1 ahead");
		MockHttpServletResponse secondBack = send(page("/account/sign-in", secondTicket), this.quick);
		assertThat(inRoom(secondBack)).isFalse();
		assertThat(secondBack.getCookie(WaitingRoom.TICKET).getMaxAge()).as("the ticket is taken back").isZero();
		Cookie pass = secondBack.getCookie(WaitingRoom.PASS);
		assertThat(inRoom(send(page("/account/sign-in", thirdTicket), this.quick))).isFalse();

		CountDownLatch again = new CountDownLatch(1);
		Future<MockHttpServletResponse> busyAgain = sendLater(page("/applications"), holdUntil(again));
		waitUntil(() -> this.admission.line().working() == 1);
		Future<MockHttpServletResponse> passing = sendLater(page("/search", pass), this.quick);
		waitUntil(() -> this.admission.line().waiting() == 1);
		assertThat(this.admission.line().newcomersWaiting()).as("with a pass, one of those at work").isZero();
		again.countDown();
		assertThat(inRoom(passing.get(10, TimeUnit.SECONDS))).isFalse();
		busyAgain.get(10, TimeUnit.SECONDS);
	}

	@Test
	void refreshingCanBeTurnedOffAndAFormIsNeverSentToTheRoom() throws Exception {
		Future<MockHttpServletResponse> working = sendLater(page("/applications"), this.busy);
		waitUntil(() -> this.admission.line().working() == 1);
		Future<MockHttpServletResponse> front = sendLater(page("/programmes"), this.quick);
		waitUntil(() -> this.admission.line().newcomersWaiting() == 1);

		MockHttpServletResponse still = send(page("/search?q=ml&refresh=off"), this.quick);
		assertThat(inRoom(still)).isTrue();
		assertThat(still.getHeader("Refresh")).as("the visitor turned refreshing off").isNull();

		MockHttpServletRequest form = new MockHttpServletRequest("POST", "/account/sign-in");
		form.addHeader(HttpHeaders.ACCEPT, "text/html");
		Future<MockHttpServletResponse> signingIn = sendLater(form, this.quick);
		waitUntil(() -> this.admission.line().newcomersWaiting() == 2);
		this.release.countDown();
		List<MockHttpServletResponse> answers = List.of(working.get(10, TimeUnit.SECONDS),
				front.get(10, TimeUnit.SECONDS), signingIn.get(10, TimeUnit.SECONDS));
		for (MockHttpServletResponse answer : answers) {
			assertThat(inRoom(answer)).isFalse();
			assertThat(answer.getStatus()).isEqualTo(200);
		}
	}

}

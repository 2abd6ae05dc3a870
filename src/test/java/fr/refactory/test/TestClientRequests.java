package fr.refactory.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Records the {@code /v2} requests that give an instance variables (create instance,
 * complete user task or job, publish or correlate a message, broadcast a signal, set
 * variables) when they come from the process tests' own client, so that a process test
 * can be checked for variables that nothing in the product supplies
 * (fr.refactory.processes.VariableSources). The application's workers and console use
 * another user and are not recorded.
 */
public class TestClientRequests extends OncePerRequestFilter {

	private static final Pattern RECORDED = Pattern.compile("/v2/(process-instances|user-tasks/\\d+/completion"
			+ "|jobs/\\d+/completion|messages/(publication|correlation)|signals/broadcast"
			+ "|element-instances/\\d+/variables)");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<Request> RECORDED_REQUESTS = new ArrayList<>();

	private static volatile boolean recording;

	private final String testClientUser;

	TestClientRequests(@Value("${camunda.process-test.remote.client.auth.username:demo}") String testClientUser) {
		this.testClientUser = testClientUser;
	}

	/** A successful request of the test client: its path and JSON body. */
	public record Request(String method, String path, JsonNode body) {
	}

	/**
	 * Starts recording (after forgetting what was recorded); other tests of the JVM are
	 * not recorded.
	 */
	public static void startRecording() {
		drain();
		recording = true;
	}

	/**
	 * Stops recording and returns what was recorded since {@link #startRecording()},
	 * oldest first.
	 */
	public static List<Request> stopRecording() {
		recording = false;
		return drain();
	}

	private static List<Request> drain() {
		synchronized (RECORDED_REQUESTS) {
			List<Request> requests = List.copyOf(RECORDED_REQUESTS);
			RECORDED_REQUESTS.clear();
			return requests;
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !recording || !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
				|| !RECORDED.matcher(request.getRequestURI()).matches() || !fromTestClient(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(request);
		chain.doFilter(cached, response);
		if (response.getStatus() < 300) {
			byte[] body = cached.getContentAsByteArray();
			JsonNode json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
			synchronized (RECORDED_REQUESTS) {
				RECORDED_REQUESTS.add(new Request(request.getMethod(), request.getRequestURI(), json));
			}
		}
	}

	private boolean fromTestClient(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.startsWith("Basic ")) {
			return false;
		}
		String credentials = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
		return credentials.startsWith(this.testClientUser + ":");
	}

}

package fr.refactory.system.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.refactory.test.RefactoryIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages send a content security policy and a referrer policy; behind a TLS proxy (README:
 * forwarded headers) they also send HSTS, redirect to https and mark the session cookie
 * Secure; the cookie is always SameSite=Lax (issue 19).
 */
class SecurityHeadersTest extends RefactoryIntegrationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<String> get(String path, boolean behindTls) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
		if (behindTls) {
			request.header("X-Forwarded-Proto", "https").header("X-Forwarded-Port", "443");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void shouldSendTheSecurityHeadersAndASecureSameSiteCookieBehindTls() throws Exception {
		HttpResponse<String> login = get("/login", true);

		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
			.contains("object-src 'none'")
			.contains("frame-ancestors 'none'");
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(login.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=");
		List<String> cookies = login.headers().allValues("Set-Cookie");
		assertThat(cookies).anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=")
			.contains("Secure")
			.contains("SameSite=Lax")
			.contains("HttpOnly"));
	}

	@Test
	void shouldRedirectToHttpsBehindTls() throws Exception {
		HttpResponse<String> home = get("/", true);

		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElse("")).startsWith("https://");
	}

	@Test
	void shouldKeepTheCookieUsableOverPlainHttp() throws Exception {
		HttpResponse<String> login = get("/login", false);

		assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(login.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=")
				.contains("SameSite=Lax")
				.doesNotContain("Secure"));
	}

	@Test
	void shouldNameTheStylesheetByItsContentSoBrowsersMayKeepItButNotThePages() throws Exception {
		HttpResponse<String> login = get("/login", false);
		Matcher stylesheet = Pattern.compile("href=\"(/css/refactory-[0-9a-f]{32}\\.css)\"").matcher(login.body());

		assertThat(stylesheet.find()).as("the login page links its stylesheet by content hash").isTrue();
		HttpResponse<String> css = get(stylesheet.group(1), false);
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
		assertThat(login.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
	}

}

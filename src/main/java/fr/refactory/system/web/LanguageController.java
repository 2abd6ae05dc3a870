package fr.refactory.system.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The header's language switch: keeps the person's choice (cookie) and goes back to the
 * page they were on. Only the path of that page is kept, so the switch never leads to
 * another site.
 */
@Controller
class LanguageController {

	private final LocaleResolver locales;

	LanguageController(LocaleResolver locales) {
		this.locales = locales;
	}

	@GetMapping("/language")
	String switchTo(@RequestParam(PlantLanguages.PARAMETER) String language,
			@RequestParam(name = "page", required = false) String page,
			@RequestHeader(name = "Referer", required = false) String referer, HttpServletRequest request,
			HttpServletResponse response) {
		PlantLanguages.spoken(Locale.forLanguageTag(language))
			.ifPresent((locale) -> this.locales.setLocale(request, response, locale));
		return "redirect:" + pageOf(page != null ? page : referer, request.getContextPath());
	}

	/**
	 * The path and query of the page to go back to (a URL or a path), or the home page.
	 */
	static String pageOf(String address, String contextPath) {
		if (address == null || address.contains("\\")) {
			return "/";
		}
		try {
			URI page = new URI(address);
			String path = page.getRawPath();
			if (path == null || !path.startsWith(contextPath + "/") || path.startsWith("//")) {
				return "/";
			}
			String local = path.substring(contextPath.length());
			return page.getRawQuery() == null ? local : local + "?" + page.getRawQuery();
		}
		catch (URISyntaxException ex) {
			return "/";
		}
	}

}

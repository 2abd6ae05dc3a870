package fr.refactory.system.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages' language (ADR 1500): the person's choice (the header's switch, kept in a
 * cookie), else the browser's {@code Accept-Language} when it names a language the
 * console speaks, else the plant's default language
 * ({@code refactory.console.default-language}, French for Flins).
 */
@Configuration(proxyBeanMethods = false)
class PlantLanguages implements WebMvcConfigurer {

	/** The languages the console's pages and messages are written in. */
	static final List<Locale> SPOKEN = List.of(Locale.FRENCH, Locale.ENGLISH);

	static final String COOKIE = "refactory-language";

	static final String PARAMETER = "lang";

	private final Locale plantDefault;

	PlantLanguages(@Value("${refactory.console.default-language:fr}") String defaultLanguage) {
		this.plantDefault = spoken(Locale.forLanguageTag(defaultLanguage)).orElse(Locale.FRENCH);
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				super.setLocale(request, response, locale == null ? null : spoken(locale).orElse(null));
			}

		};
		resolver.setCookieMaxAge(Duration.ofDays(400));
		resolver.setDefaultLocaleFunction(this::browserOrPlantLanguage);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName(PARAMETER);
		interceptor.setIgnoreInvalidLocale(true);
		// a language is chosen by following a link; reading a POST's parameters would
		// parse its multipart body first,
		// and a malformed upload must reach the API's own 400 rather than fail here
		interceptor.setHttpMethods("GET");
		registry.addInterceptor(interceptor).excludePathPatterns("/v2/**", "/actuator/**");
	}

	private Locale browserOrPlantLanguage(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return this.plantDefault;
		}
		return Collections.list(request.getLocales())
			.stream()
			.map(PlantLanguages::spoken)
			.flatMap(Optional::stream)
			.findFirst()
			.orElse(this.plantDefault);
	}

	static Optional<Locale> spoken(Locale locale) {
		return SPOKEN.stream().filter((spoken) -> spoken.getLanguage().equals(locale.getLanguage())).findFirst();
	}

}

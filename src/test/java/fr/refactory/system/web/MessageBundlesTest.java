package fr.refactory.system.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's texts (ADR 1500): every text in both languages, and no text whose
 * apostrophe MessageFormat would swallow ({@code always-use-message-format}: "Journal
 * d'audit" showed as "Journal daudit").
 */
class MessageBundlesTest {

	private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

	@ParameterizedTest
	@ValueSource(strings = { "messages", "messages-dashboard" })
	void shouldHaveEveryTextInBothLanguagesWithItsApostrophesDoubled(String bundle) throws IOException {
		Properties english = load(bundle + ".properties");
		Properties french = load(bundle + "_fr.properties");

		assertThat(french.stringPropertyNames()).as("French texts of %s", bundle)
			.containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		for (Properties texts : List.of(english, french)) {
			assertThat(texts.stringPropertyNames())
				.filteredOn((key) -> LONE_APOSTROPHE.matcher(texts.getProperty(key)).find())
				.as("texts of %s with a lone apostrophe (write '' for ')", bundle)
				.isEmpty();
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}

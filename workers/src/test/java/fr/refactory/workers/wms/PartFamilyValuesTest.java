package fr.refactory.workers.wms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * D10's table is the only source of the part family values (ADR 0315): its {@code partFamily} input lists them, its
 * rules use only them, and every family a worker, a model or a start form gives a part is one of them.
 */
class PartFamilyValuesTest {

	private static final Pattern QUOTED = Pattern.compile("\"([A-Z_]+)\"");

	@Test
	void theHarvestCandidatesOfADismantledVehicleAreD10Families() throws IOException {
		assertThat(tableFamilies()).containsAll(WmsWorkers.HARVEST_FAMILIES);
	}

	@Test
	void theRulesTheRetrofitRemovalAndTheCoreArrivalFormUseOnlyD10Families() throws IOException {
		String table = read("decisions/harvested-part-disposition.dmn");
		Set<String> ruleFamilies = quoted(between(table, "<rule id=\"rule-reman-core\">", "</inputEntry>"));
		ruleFamilies.addAll(quoted(between(table, "<rule id=\"rule-recycling-family\">", "</inputEntry>")));
		Set<String> retrofitFamilies = new LinkedHashSet<>();
		Matcher family = Pattern.compile("partFamily: \"([A-Z_]+)\"").matcher(read("processes/lcv-retrofit.bpmn"));
		while (family.find()) {
			retrofitFamilies.add(family.group(1));
		}
		Set<String> formFamilies = new LinkedHashSet<>();
		Matcher value = Pattern.compile("\"value\": \"([A-Z_]+)\"")
			.matcher(between(read("src/main/resources/console/start-forms/core-arrival.form"), "\"partFamily\"", "]"));
		while (value.find()) {
			formFamilies.add(value.group(1));
		}

		assertThat(ruleFamilies).contains("TURBO", "STARTER_ALTERNATOR");
		assertThat(tableFamilies()).containsAll(ruleFamilies);
		assertThat(retrofitFamilies).isNotEmpty();
		assertThat(tableFamilies()).containsAll(retrofitFamilies);
		assertThat(formFamilies).isNotEmpty();
		assertThat(tableFamilies()).containsAll(formFamilies);
	}

	private static Set<String> tableFamilies() throws IOException {
		String table = read("decisions/harvested-part-disposition.dmn");
		Set<String> values = quoted(between(table,
				"<inputValues id=\"input-values-harvested-part-disposition-part-family\">", "</inputValues>"));
		assertThat(values).as("D10 lists the part family values").hasSizeGreaterThan(10);
		return values;
	}

	private static Set<String> quoted(String text) {
		Set<String> values = new LinkedHashSet<>();
		Matcher matcher = QUOTED.matcher(text);
		while (matcher.find()) {
			values.add(matcher.group(1));
		}
		return values;
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as(start).isNotNegative();
		return text.substring(from + start.length(), text.indexOf(end, from + start.length()));
	}

	private static String read(String path) throws IOException {
		return Files.readString(Path.of(path));
	}

}

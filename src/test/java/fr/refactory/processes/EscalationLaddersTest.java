package fr.refactory.processes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The escalation ladders (issue 21, ADR 0712) as data: every ladder a model calls is in
 * decision {@code escalation-ladder}, its levels climb 1, 2, 3... with growing ISO-8601
 * delays, and every level's group is a known candidate group that at least one
 * development user of {@code application.yml} belongs to.
 */
class EscalationLaddersTest {

	private static final Path LADDERS = Path.of("decisions", "escalation-ladder.dmn");

	@Test
	void shouldCallOnlyLaddersTheTableDefines() {
		Map<String, List<Level>> ladders = ladders();
		List<String> called = new ArrayList<>();
		ProcessModels.bpmnFiles().forEach((file) -> {
			for (CallActivity call : ProcessModels.read(file).getModelElementsByType(CallActivity.class)) {
				if (!"escalation-ladder"
					.equals(call.getSingleExtensionElement(ZeebeCalledElement.class).getProcessId())) {
					continue;
				}
				String ladder = call.getSingleExtensionElement(ZeebeIoMapping.class)
					.getInputs()
					.stream()
					.filter((input) -> input.getTarget().equals("escalationLadder"))
					.findFirst()
					.orElseThrow(() -> new AssertionError(call.getId() + " names no escalationLadder"))
					.getSource();
				called.add(ladder.replaceAll("^=\"|\"$", ""));
			}
		});
		assertThat(called).as("ladders called by the models").contains("T1");
		assertThat(ladders.keySet()).containsAll(called);
	}

	@Test
	void shouldClimbWithGrowingDelaysToGroupsThatSomeoneWorks() {
		Set<String> staffed = staffedGroups();
		ladders().forEach((ladder, levels) -> {
			Duration previous = Duration.ofSeconds(-1);
			for (int i = 0; i < levels.size(); i++) {
				Level level = levels.get(i);
				assertThat(level.level()).as("%s level order", ladder).isEqualTo(i + 1);
				Duration delay = Duration.parse(level.delay());
				assertThat(delay).as("%s level %d delay", ladder, level.level()).isGreaterThan(previous);
				previous = delay;
				assertThat(ProcessModels.CANDIDATE_GROUPS).as("%s level %d group", ladder, level.level())
					.contains(level.group());
				assertThat(staffed).as("a development user in %s", level.group()).contains(level.group());
			}
		});
	}

	record Level(int level, String delay, String group) {
	}

	/** ladder → its levels in rule order, read from the table's rules. */
	private static Map<String, List<Level>> ladders() {
		Map<String, List<Level>> ladders = new TreeMap<>();
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
			factory.setNamespaceAware(true);
			NodeList rules = factory.newDocumentBuilder().parse(LADDERS.toFile()).getElementsByTagNameNS("*", "rule");
			for (int i = 0; i < rules.getLength(); i++) {
				Element rule = (Element) rules.item(i);
				String ladder = text(rule, "inputEntry", 0);
				ladders.computeIfAbsent(ladder, (name) -> new ArrayList<>())
					.add(new Level(Integer.parseInt(text(rule, "outputEntry", 0)), text(rule, "outputEntry", 1),
							text(rule, "outputEntry", 2)));
			}
		}
		catch (Exception ex) {
			throw new AssertionError("cannot read " + LADDERS, ex);
		}
		return ladders;
	}

	private static String text(Element rule, String entry, int index) {
		return rule.getElementsByTagNameNS("*", entry).item(index).getTextContent().strip().replace("\"", "");
	}

	@SuppressWarnings("unchecked")
	private static Set<String> staffedGroups() {
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yml"))) {
			Set<String> groups = new HashSet<>();
			for (Object document : new Yaml().loadAll(in)) {
				Map<String, Object> refactory = (Map<String, Object>) ((Map<String, Object>) document).get("refactory");
				Map<String, Object> security = refactory == null ? null
						: (Map<String, Object>) refactory.get("security");
				if (security == null || !(security.get("users") instanceof List<?> users)) {
					continue;
				}
				users.forEach((user) -> groups.addAll((List<String>) ((Map<String, Object>) user).get("groups")));
			}
			return groups;
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

}

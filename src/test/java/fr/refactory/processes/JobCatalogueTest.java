package fr.refactory.processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job catalogue (docs/processes-job-catalogue.md) is kept by hand since the BPMN
 * files became the models' only source (ADR 0319): every job type and every task using it
 * must be listed, and nothing the models no longer use.
 */
class JobCatalogueTest {

	private static final Path CATALOGUE = Path.of("docs", "processes-job-catalogue.md");

	private static final Pattern ROW = Pattern.compile("^\\| `([a-zA-Z]+\\.[a-zA-Z]+)`[^|]*\\| ([^|]+) \\|",
			Pattern.MULTILINE);

	@Test
	void theCatalogueListsEveryJobTypeWithTheTasksThatUseIt() throws IOException {
		assertThat(catalogue()).isEqualTo(models());
	}

	private static Map<String, Set<String>> catalogue() throws IOException {
		Map<String, Set<String>> rows = new TreeMap<>();
		Matcher row = ROW.matcher(Files.readString(CATALOGUE));
		while (row.find()) {
			rows.computeIfAbsent(row.group(1), (type) -> new TreeSet<>())
				.addAll(Set.of(row.group(2).trim().split("<br>")));
		}
		return rows;
	}

	private static Map<String, Set<String>> models() {
		Map<String, Set<String>> uses = new TreeMap<>();
		ProcessModels.bpmnFiles().forEach((file) -> {
			BpmnModelInstance model = ProcessModels.read(file);
			for (ZeebeTaskDefinition definition : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
				BaseElement task = (BaseElement) definition.getParentElement().getParentElement();
				uses.computeIfAbsent(definition.getType(), (type) -> new TreeSet<>())
					.add(ProcessModels.processId(file) + "#" + task.getId());
			}
		});
		return uses;
	}

}

package fr.refactory.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.console.form.FormSupport;
import fr.refactory.console.models.ModelLint;
import fr.refactory.console.models.ModelLint.Finding;
import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The plant's lint rules (ADR 1400) hold for every model in {@code processes/}, with the
 * job types the models page knows: those of the registered workers and of the element
 * templates; every form uses only components the console renders (ADR 1402).
 */
class ModelLintTest {

	private static ModelLint lint;

	private static Set<String> workerTypes;

	private static Set<String> templateTypes;

	@BeforeAll
	static void knownJobTypes() {
		workerTypes = workerJobTypes();
		templateTypes = templateJobTypes();
		Set<String> known = new TreeSet<>(workerTypes);
		known.addAll(templateTypes);
		lint = new ModelLint(known);
	}

	static Stream<Path> models() {
		return ProcessModels.bpmnFiles();
	}

	@ParameterizedTest
	@MethodSource("models")
	void everyModelKeepsThePlantsLintRules(Path file) {
		assertThat(lint.lint(ProcessModels.read(file))).as("lint findings in %s", file).isEmpty();
	}

	@Test
	void everyFormUsesOnlyComponentsTheConsoleRenders() throws IOException {
		ObjectMapper json = new ObjectMapper();
		for (Path form : ProcessModels.formFiles().toList()) {
			assertThat(FormSupport.problems(json.readTree(form.toFile()))).as("unsupported components in %s", form)
				.isEmpty();
		}
	}

	@Test
	void everyTemplatedJobTypeHasItsWorker() {
		assertThat(workerTypes).as("job types of the @JobWorker methods").hasSizeGreaterThan(60);
		assertThat(templateTypes).isSubsetOf(workerTypes);
	}

	@Test
	void refusesAnUnknownJobTypeATaskWithoutGroupOrFormAndATimerInAnUnknownUnit() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("lint-broken")
			.startEvent("start")
			.serviceTask("task-order", (task) -> task.name("Order the kit").zeebeJobType("mes.orderKit"))
			.serviceTask("task-due", (task) -> task.zeebeJobType("calendar.dueDate").zeebeTaskHeader("dueAt", "2 WX"))
			.userTask("task-check", (task) -> task.name("Check").zeebeUserTask())
			.intermediateCatchEvent("timer-wait", (event) -> event.name("Wait").timerWithDuration("2 days"))
			.endEvent("end")
			.done();

		List<Finding> findings = lint.lint(model);

		assertThat(findings).extracting(Finding::rule, Finding::element)
			.containsExactlyInAnyOrder(tuple(ModelLint.KNOWN_JOB_TYPE, "task-order"),
					tuple(ModelLint.TIMER_UNIT, "task-due"), tuple(ModelLint.USER_TASK_ASSIGNMENT, "task-check"),
					tuple(ModelLint.USER_TASK_ASSIGNMENT, "task-check"), tuple(ModelLint.TIMER_UNIT, "timer-wait"));
		assertThat(findings).extracting(Finding::message)
			.contains("Job type 'mes.orderKit' of 'Order the kit' is unknown: no worker of this application and no"
					+ " element template declares it");
	}

	@Test
	void acceptsCalendarDurationsIsoTimersAndFeel() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("lint-fine")
			.startEvent("start")
			.serviceTask("task-due", (task) -> task.zeebeJobType("calendar.dueDate").zeebeTaskHeader("dueAt", "2 WD"))
			.intermediateCatchEvent("timer-a", (event) -> event.timerWithDuration("P1DT4H"))
			.intermediateCatchEvent("timer-b", (event) -> event.timerWithDate("=date and time(dueAt)"))
			.intermediateCatchEvent("timer-c", (event) -> event.timerWithCycle("R3/PT10M"))
			.serviceTask("task-dynamic", (task) -> task.zeebeJobTypeExpression("=\"mes.\" + kind"))
			.endEvent("end")
			.done();

		assertThat(lint.lint(model)).isEmpty();
	}

	private static Set<String> workerJobTypes() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		Set<String> types = new TreeSet<>();
		for (BeanDefinition bean : scanner.findCandidateComponents("fr.refactory.workers")) {
			Class<?> type = ClassUtils.resolveClassName(bean.getBeanClassName(), null);
			for (Method method : type.getDeclaredMethods()) {
				JobWorker worker = method.getAnnotation(JobWorker.class);
				if (worker != null) {
					types.add(worker.type().isEmpty() ? method.getName() : worker.type());
				}
			}
		}
		return types;
	}

	private static Set<String> templateJobTypes() {
		ObjectMapper json = new ObjectMapper();
		Set<String> types = new TreeSet<>();
		try (Stream<Path> files = Files.list(ProcessModels.PROCESSES.resolve("element-templates"))) {
			for (Path file : files.toList()) {
				for (JsonNode property : json.readTree(file.toFile()).path("properties")) {
					JsonNode binding = property.path("binding");
					if ("zeebe:taskDefinition".equals(binding.path("type").asText())
							&& "type".equals(binding.path("property").asText())) {
						types.add(property.path("value").asText());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return types;
	}

}

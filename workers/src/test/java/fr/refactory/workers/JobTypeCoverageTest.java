package fr.refactory.workers;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.camunda.client.annotation.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Every job type of {@code processes/*.bpmn} has exactly one worker, and every worker's type is used by a model. */
class JobTypeCoverageTest {

	@Test
	void everyJobTypeOfTheModelsHasExactlyOneWorkerAndEveryWorkerIsUsed() throws IOException {
		Set<String> modelTypes = jobTypesOfTheModels();
		Map<String, List<String>> workers = workerMethodsByType();

		assertThat(modelTypes).as("job types in processes/*.bpmn").hasSizeGreaterThan(50).contains("vin.validate");
		assertThat(new TreeSet<>(workers.keySet())).as("worker types").isEqualTo(new TreeSet<>(modelTypes));
		workers.forEach((type, methods) -> assertThat(methods).as("@JobWorker methods of type %s", type).hasSize(1));
	}

	@Test
	void workerClassesAreConcreteComponents() {
		for (Class<?> type : workerClasses()) {
			assertThat(type.isAnnotationPresent(Component.class)).as("%s is a @Component", type).isTrue();
			assertThat(type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers()))
				.as("%s is concrete", type)
				.isFalse();
		}
		assertThat(workerClasses()).hasSizeGreaterThanOrEqualTo(10);
	}

	static Set<String> jobTypesOfTheModels() throws IOException {
		Set<String> types = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("processes"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".bpmn")).toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
				model.getModelElementsByType(ZeebeTaskDefinition.class).forEach((d) -> types.add(d.getType()));
			}
		}
		return types;
	}

	static Map<String, List<String>> workerMethodsByType() {
		Map<String, List<String>> byType = new TreeMap<>();
		for (Class<?> type : workerClasses()) {
			for (Method method : type.getDeclaredMethods()) {
				JobWorker worker = method.getAnnotation(JobWorker.class);
				if (worker != null) {
					assertThat(worker.type()).as("type of %s", method).isNotBlank();
					byType.computeIfAbsent(worker.type(), (t) -> new ArrayList<>())
						.add(type.getSimpleName() + "." + method.getName());
				}
			}
		}
		return byType;
	}

	/** Classes of {@code workers/src/main/java} (not test classes) with at least one {@code @JobWorker} method. */
	static List<Class<?>> workerClasses() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata().hasAnnotatedMethods(JobWorker.class.getName()));
		List<Class<?>> classes = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("fr.refactory.workers")) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
			String location = type.getProtectionDomain().getCodeSource().getLocation().toString();
			if (!location.contains("test-classes") && Stream.of(type.getDeclaredMethods())
				.anyMatch((m) -> m.isAnnotationPresent(JobWorker.class))) {
				classes.add(type);
			}
		}
		return classes;
	}

}

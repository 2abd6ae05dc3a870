package fr.refactory.console.models;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

import io.camunda.client.annotation.JobWorker;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/** The job types this application has a {@code @JobWorker} for, found on its beans. */
@Component
class ApplicationJobTypes {

	private final ApplicationContext context;

	private volatile Set<String> types;

	ApplicationJobTypes(ApplicationContext context) {
		this.context = context;
	}

	Set<String> all() {
		if (this.types == null) {
			Set<String> found = new TreeSet<>();
			for (String name : this.context.getBeanDefinitionNames()) {
				Class<?> type = this.context.getType(name);
				if (type != null) {
					for (Method method : ClassUtils.getUserClass(type).getDeclaredMethods()) {
						JobWorker worker = method.getAnnotation(JobWorker.class);
						if (worker != null) {
							found.add(worker.type().isEmpty() ? method.getName() : worker.type());
						}
					}
				}
			}
			this.types = Set.copyOf(found);
		}
		return this.types;
	}

}

package fr.refactory.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module rules of architecture.md §3 as ArchUnit rules over any base package, so the
 * same rules can be shown to fail on a fixture.
 */
final class ModuleRules {

	/**
	 * For each module, the other modules it may import. Everything not listed is
	 * forbidden.
	 */
	static final Map<String, Set<String>> ALLOWED = Map.of("engine", Set.of(), "plant", Set.of("system"), "records",
			Set.of("system"), "workers", Set.of("plant", "records", "system"), "console", Set.of("records", "system"),
			"audit", Set.of("records", "system"), "system", Set.of());

	/**
	 * Modules that must stay free of the Camunda client: they talk to plant systems or
	 * the database only.
	 */
	static final Set<String> WITHOUT_CAMUNDA_CLIENT = Set.of("plant", "records", "system");

	private ModuleRules() {
	}

	static ArchRule forBasePackage(String basePackage) {
		List<ArchRule> rules = new ArrayList<>();
		ALLOWED.forEach((module, allowed) -> rules.add(onlyAllowedModules(basePackage, module, allowed)));
		WITHOUT_CAMUNDA_CLIENT.forEach((module) -> rules.add(noCamundaClient(basePackage, module)));
		return CompositeArchRule.of(rules);
	}

	private static ArchRule onlyAllowedModules(String basePackage, String module, Set<String> allowed) {
		String[] forbidden = ALLOWED.keySet()
			.stream()
			.filter((other) -> !other.equals(module) && !allowed.contains(other))
			.map((other) -> basePackage + "." + other + "..")
			.sorted()
			.toArray(String[]::new);
		return noClasses().that()
			.resideInAPackage(basePackage + "." + module + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(forbidden)
			.as(String.format("module '%s' may use only %s", module, allowed.isEmpty() ? "no other module" : allowed))
			.allowEmptyShould(true);
	}

	private static ArchRule noCamundaClient(String basePackage, String module) {
		return noClasses().that()
			.resideInAPackage(basePackage + "." + module + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.camunda..")
			.as(String.format("module '%s' does not use the Camunda client", module))
			.allowEmptyShould(true);
	}

}

package fr.refactory.system.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.web.method.ControllerAdviceBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page header's model attributes are for pages, not for every call of the engine's
 * REST API (ADR 1100).
 */
class NavigationAdviceTest {

	@Test
	void appliesToPageControllersButNotToTheEngineApi() throws ClassNotFoundException {
		ControllerAdviceBean advice = navigationAdvice();

		for (String page : List.of("fr.refactory.console.TaskListController", "fr.refactory.audit.AuditLogController",
				"fr.refactory.console.models.ModelsController", "fr.refactory.system.web.WelcomeController")) {
			assertThat(advice.isApplicableToBeanType(Class.forName(page))).as(page).isTrue();
		}
		for (String api : List.of("fr.refactory.engine.api.JobController",
				"fr.refactory.engine.api.ProcessInstanceController")) {
			assertThat(advice.isApplicableToBeanType(Class.forName(api))).as(api).isFalse();
		}
	}

	private static ControllerAdviceBean navigationAdvice() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean(NavigationAdvice.class);
			context.refresh();
			List<ControllerAdviceBean> advice = ControllerAdviceBean.findAnnotatedBeans(context);
			assertThat(advice).hasSize(1);
			return advice.get(0);
		}
	}

}

package fr.refactory.console;

import java.util.Locale;

import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * An engine refusal no page handled itself becomes a message on the error page in the
 * person's language, with the engine's status (409 for a task that changed meanwhile,
 * ...), never a 500 with the engine's problem text (issue 24). The engine's own words go
 * to the log, for whoever looks into it.
 */
@ControllerAdvice(basePackages = { "fr.refactory.console", "fr.refactory.audit" })
class EngineRefusalAdvice {

	private static final Logger LOG = LoggerFactory.getLogger(EngineRefusalAdvice.class);

	private final MessageSource messages;

	EngineRefusalAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ProblemException.class)
	String refused(ProblemException ex, HttpServletResponse response, Model model, Locale locale) {
		HttpStatus status = HttpStatus.resolve(ex.code());
		HttpStatus shown = (status == null || status.is5xxServerError()) ? HttpStatus.SERVICE_UNAVAILABLE
				: status.is2xxSuccessful() ? HttpStatus.CONFLICT : status;
		LOG.warn("The engine refused a console action ({}): {}", ex.code(),
				ex.details() != null ? ex.details().getDetail() : ex.getMessage());
		return errorPage(shown, shown.is5xxServerError() ? "error.engine-unavailable" : "error.engine-refused",
				response, model, locale);
	}

	@ExceptionHandler(ClientException.class)
	String unavailable(ClientException ex, HttpServletResponse response, Model model, Locale locale) {
		LOG.warn("The engine did not answer a console action: {}", ex.getMessage());
		return errorPage(HttpStatus.SERVICE_UNAVAILABLE, "error.engine-unavailable", response, model, locale);
	}

	private String errorPage(HttpStatus status, String message, HttpServletResponse response, Model model,
			Locale locale) {
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("error", status.getReasonPhrase());
		model.addAttribute("message", this.messages.getMessage(message, null, locale));
		return "error";
	}

}

package fr.refactory.system.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The last guard for unexpected failures outside the engine API: an error page or error
 * body of a server error says only that something went wrong; the exception (which may
 * hold SQL or data) is logged by the server, never shown. Client errors (4xx) keep their
 * message, which names what was wrong.
 */
@Component
class ErrorDetailsGuard extends DefaultErrorAttributes {

	static final String GENERIC_MESSAGE = "The request could not be processed; the server log has the details.";

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
		if (!(status instanceof Integer code) || code >= 500) {
			attributes.put("message", GENERIC_MESSAGE);
			attributes.remove("exception");
			attributes.remove("trace");
			attributes.remove("errors");
		}
		return attributes;
	}

}

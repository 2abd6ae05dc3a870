package fr.refactory.engine.api;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import fr.refactory.engine.Rejection;
import fr.refactory.engine.job.JobWaiters;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every error of the {@code /v2} API as {@code application/problem+json}: rejections keep
 * their status, client mistakes are 400, and only bugs are 500.
 */
@RestControllerAdvice(basePackages = "fr.refactory.engine")
class ApiExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final JobWaiters waiters;

	ApiExceptionHandler(ObjectProvider<JobWaiters> waiters) {
		this.waiters = waiters.getIfAvailable();
	}

	@ExceptionHandler(Rejection.class)
	ResponseEntity<ProblemDetail> rejection(Rejection ex, HttpServletRequest request) {
		return problem(HttpStatus.valueOf(ex.kind().status()), ex.kind().name(), ex.getMessage(), request);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestPartException.class, MissingServletRequestParameterException.class,
			MultipartException.class, HttpMediaTypeNotSupportedException.class, IllegalArgumentException.class })
	ResponseEntity<ProblemDetail> badRequest(Exception ex, HttpServletRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", badRequestDetail(ex), request);
	}

	/** Names what was wrong in the client's terms, never in Java's (types, classes). */
	private static String badRequestDetail(Exception ex) {
		if (ex instanceof HttpMessageNotReadableException) {
			return unreadable(ex.getCause());
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			Class<?> type = mismatch.getRequiredType();
			boolean numeric = type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive());
			return "Expected " + (numeric ? "a number" : "a valid value") + " for '" + mismatch.getName()
					+ "', but got '" + mismatch.getValue() + "'";
		}
		if (ex instanceof MultipartException && !(ex instanceof MissingServletRequestPartException)) {
			return "Expected a multipart/form-data body with the part 'resources', but it could not be read";
		}
		return ex.getMessage();
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> methodNotAllowed(Exception ex, HttpServletRequest request) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", ex.getMessage(), request);
	}

	/**
	 * The client went away before its answer was written (typically a job activation it
	 * stopped waiting for): jobs handed to that answer are made activatable again at once
	 * instead of waiting for their time-out.
	 */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void clientGone(AsyncRequestNotUsableException ex, HttpServletRequest request) {
		Object keys = request.getAttribute(JobController.DELIVERED_JOBS);
		Object type = request.getAttribute(JobController.DELIVERED_TYPE);
		if (keys instanceof List<?> list && type instanceof String jobType && this.waiters != null) {
			this.waiters.undelivered(jobType, list.stream().map((key) -> (Long) key).toList());
		}
		LOG.debug("Client of {} disconnected before the answer was written", request.getRequestURI());
	}

	/**
	 * A bug: the details go to the log under a reference, never to the client (they may
	 * hold SQL or data).
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> bug(Exception ex, HttpServletRequest request) {
		String reference = java.util.UUID.randomUUID().toString();
		LOG.error("Engine request {} failed (reference {})", request.getRequestURI(), reference, ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL",
				"The engine could not process the request; the server log has the details under reference " + reference,
				request);
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setInstance(URI.create(request.getRequestURI()));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String unreadable(Throwable cause) {
		if (cause instanceof JsonMappingException mapping) {
			String field = mapping.getPath()
				.stream()
				.map((reference) -> reference.getFieldName() != null ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			return field.isEmpty() ? "Expected a JSON object as request body, but got another kind of value"
					: "Expected a valid JSON request body, but the value of '" + field + "' has the wrong type or form";
		}
		if (cause instanceof JsonProcessingException parse) {
			return "Expected a valid JSON request body, but it is not valid JSON: " + parse.getOriginalMessage();
		}
		return "Expected a valid JSON request body, but it could not be read";
	}

}

package fr.refactory.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.refactory.console.OperatorTasks;
import io.camunda.client.api.search.response.UserTask;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records, with {@code -DrecordTaskInputs=true}, the variables a user task of a product
 * model really had when someone completed it (a process test's client or a journey's
 * operator through the console): the console's own view of the task
 * ({@link OperatorTasks#variablesOf}), taken just before the completion is applied. One
 * file per task element under {@code src/test/resources/console/task-inputs/}, the first
 * run that reaches it wins; the every-form browser test renders each form with them (ADR
 * 1503). Off, it costs nothing.
 */
public class TaskInputRecorder extends OncePerRequestFilter {

	static final Path RECORDINGS = Path.of("src", "test", "resources", "console", "task-inputs");

	private static final Pattern COMPLETION = Pattern.compile("/v2/user-tasks/(\\d+)/completion");

	private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

	private final ObjectProvider<OperatorTasks> tasks;

	TaskInputRecorder(ObjectProvider<OperatorTasks> tasks) {
		this.tasks = tasks;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !Boolean.getBoolean("recordTaskInputs") || !"POST".equals(request.getMethod())
				|| !COMPLETION.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher completion = COMPLETION.matcher(request.getRequestURI());
		if (completion.matches()) {
			try {
				record(Long.parseLong(completion.group(1)));
			}
			catch (RuntimeException ex) {
				// a recording is a convenience of the developer's run, never a reason to
				// fail the completion
				logger.warn("task inputs not recorded", ex);
			}
		}
		chain.doFilter(request, response);
	}

	private void record(long taskKey) throws IOException {
		OperatorTasks console = this.tasks.getObject();
		UserTask task = console.find(taskKey).orElse(null);
		if (task == null || !Files.exists(Path.of("processes", task.getBpmnProcessId() + ".bpmn"))) {
			return;
		}
		Path file = RECORDINGS.resolve(task.getBpmnProcessId() + "--" + task.getElementId() + ".json");
		if (Files.exists(file)) {
			return;
		}
		Map<String, Object> recording = new TreeMap<>();
		recording.put("process", task.getBpmnProcessId());
		recording.put("element", task.getElementId());
		recording.put("candidateGroups", task.getCandidateGroups());
		recording.put("variables", new TreeMap<>(console.variablesOf(task)));
		Files.createDirectories(RECORDINGS);
		JSON.writeValue(file.toFile(), recording);
	}

}

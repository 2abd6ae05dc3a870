package fr.refactory.console.form;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.system.security.RefactoryUsersProperties;
import fr.refactory.test.AdminClient;
import fr.refactory.test.Browser;
import fr.refactory.test.RefactoryIntegrationTest;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24's every-form acceptance, in Chromium: each form of {@code processes/forms/} is
 * rendered on the console's task page of a real task of the real model, with the input
 * variables that task really had in a run of the process and journey tests (recorded, ADR
 * 1503), and its defaults are submitted as the page shows them. The page must read as
 * designed (no template, Markdown marker or "null *" label, every template variable of
 * its texts shown with the task's value, no error page) and no field filled in by the
 * form itself may be refused by the form's own validation. Three forms are also shown in
 * French, their screenshots under {@code target/screenshots/every-form/fr/}.
 */
class EveryFormBrowserTest extends RefactoryIntegrationTest {

	private static final Path RECORDINGS = Path.of("src", "test", "resources", "console", "task-inputs");

	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*}}");

	/**
	 * What a rendered form may never show: raw templating, Markdown markers, a label made
	 * of nothing.
	 */
	private static final List<String> RAW_TEXTS = List.of("{{", "**", "null *", "null\n", "Whitelabel", "Exception");

	private static final Set<String> IN_FRENCH = Set.of("battery-safety-triage", "depollution",
			"core-acceptance-inspection");

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Tasks no run reaches, with the recorded task whose inputs they have (ADR 1505):
	 * "Resolve missing habilitations" follows the BPMN error HABILITATION_MISSING of the
	 * habilitation check, which the competency register passes for every team it proposed
	 * for the same date; the error carries no variables, so the task has those of the
	 * team choice before it.
	 */
	private static final Map<String, String> INPUTS_OF_THE_TASK_BEFORE = Map
		.of("lcv-retrofit--task-resolve-habilitations", "lcv-retrofit--task-choose-retrofit-team");

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	RefactoryUsersProperties users;

	private final Map<String, Set<Cookie>> sessions = new HashMap<>();

	private String signedIn;

	record Recording(String process, String element, List<String> candidateGroups, Map<String, Object> variables) {
	}

	@Test
	void everyFormRendersWithItsTasksRealInputsAndItsDefaultsPassItsOwnValidation() {
		Map<String, Recording> byForm = recordingsByForm();
		assertThat(byForm).as("recorded tasks (ADR 1503)").isNotEmpty();
		Set<String> notRecorded = new TreeSet<>(formIds());
		notRecorded.removeAll(byForm.keySet());
		// a new form needs its task's inputs recorded by a run that reaches it (ADR
		// 1503):
		// ./mvnw test -Dtest=<its process test> -DrecordTaskInputs=true
		assertThat(notRecorded).as("forms without a recorded task").isEmpty();

		List<String> problems = new ArrayList<>();
		try (Browser browser = Browser.open(baseUrl())) {
			byForm.forEach((formId, recording) -> {
				try {
					problems.addAll(problemsOf(browser, formId, recording));
				}
				catch (RuntimeException ex) {
					problems.add(formId + ": " + ex);
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	private List<String> problemsOf(Browser browser, String formId, Recording recording) {
		String start = startElementOf(recording.process(), recording.element());
		long instance = startBefore(recording, start, recording.variables());
		try {
			UserTask task;
			if (start.equals(recording.element())) {
				task = taskOf(instance, recording.element());
			}
			else {
				task = firstTaskOf(instance, recording.element());
				if (task == null) {
					cancel(instance);
					instance = startBefore(recording, start, withTheTasksItemOnly(recording, start));
					task = taskAfterThePersonsStepsBefore(instance, recording);
				}
			}
			return problemsOnPage(browser, formId, recording, task);
		}
		finally {
			cancel(instance);
		}
	}

	private long startBefore(Recording recording, String start, Map<String, Object> variables) {
		return this.client.newCreateInstanceCommand()
			.bpmnProcessId(recording.process())
			.latestVersion()
			.variables(variables)
			.startBeforeElement(start)
			.send()
			.join()
			.getProcessInstanceKey();
	}

	private void cancel(long instance) {
		try {
			this.client.newCancelInstanceCommand(instance).send().join();
		}
		catch (RuntimeException ex) {
			// completed by its defaults and run on to its end
		}
	}

	/**
	 * The recorded variables with the multi-instance activity's input collection reduced
	 * to the item the recorded task worked on (its input element's recorded value): one
	 * inner instance, the task's own.
	 */
	private static Map<String, Object> withTheTasksItemOnly(Recording recording, String multiInstance) {
		var loop = Bpmn
			.readModelFromFile(Path.of("processes", recording.process() + ".bpmn")
				.toFile()).<io.camunda.zeebe.model.bpmn.instance.Activity>getModelElementById(multiInstance)
			.getLoopCharacteristics()
			.getSingleExtensionElement(ZeebeLoopCharacteristics.class);
		String collection = loop.getInputCollection().substring(1).strip();
		Object item = recording.variables().get(loop.getInputElement());
		assertThat(item).as(recording.element() + " records its item " + loop.getInputElement()).isNotNull();
		Map<String, Object> variables = new HashMap<>(recording.variables());
		variables.put(collection, List.of(item));
		return variables;
	}

	/**
	 * The task of the element once the multi-instance activity's inner instances wait for
	 * people, or null when none of them is at the element.
	 */
	private UserTask firstTaskOf(long instance, String element) {
		return waitingTasks(instance, -1).stream()
			.filter((task) -> task.getElementId().equals(element))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The task of an element inside a multi-instance activity that a person's step comes
	 * before (removing the part before testing it, inspecting a component before
	 * reconditioning it): the one inner instance of the task's item waits at each such
	 * step, completed with what the person entered there, as recorded at the task (the
	 * values of that step's form fields).
	 */
	private UserTask taskAfterThePersonsStepsBefore(long instance, Recording recording) {
		long done = -1;
		for (int step = 0; step < 5; step++) {
			UserTask waiting = waitingTasks(instance, done).get(0);
			if (waiting.getElementId().equals(recording.element())) {
				return waiting;
			}
			Map<String, Object> entered = new HashMap<>();
			FormDefinition
				.parse(read(
						Path.of("processes", "forms", formIdOf(recording.process(), waiting.getElementId()) + ".form")))
				.allFields()
				.filter((field) -> field.holdsValue() && recording.variables().get(field.key()) != null)
				.forEach((field) -> entered.put(field.key(), recording.variables().get(field.key())));
			this.client.newCompleteUserTaskCommand(waiting.getUserTaskKey()).variables(entered).send().join();
			done = waiting.getUserTaskKey();
		}
		throw new AssertionError(recording.element() + " is not reached after five steps of people");
	}

	/** The tasks of the instance waiting for a person, other than the one just done. */
	private List<UserTask> waitingTasks(long instance, long done) {
		return Awaitility.await("a user task of " + instance)
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.client.newUserTaskSearchRequest()
				.filter((filter) -> filter.processInstanceKey(instance).state(UserTaskState.CREATED))
				.send()
				.join()
				.items()
				.stream()
				.filter((task) -> task.getUserTaskKey() != done)
				.toList(), (items) -> !items.isEmpty());
	}

	private List<String> problemsOnPage(Browser browser, String formId, Recording recording, UserTask task) {
		List<String> problems = new ArrayList<>();
		FormDefinition form = FormDefinition.parse(read(Path.of("processes", "forms", formId + ".form")));
		if (!claimedByAMember(browser, formId, task)) {
			return List.of(formId + ": no member of " + task.getCandidateGroups() + " can work on the task: "
					+ browser.pageText());
		}
		String text = browser.driver().findElement(By.tagName("main")).getText();
		RAW_TEXTS.stream()
			.filter(text::contains)
			.forEach((raw) -> problems.add(formId + ": the page shows \"" + raw.strip() + "\""));
		if (text.lines().anyMatch((line) -> line.startsWith("# ") || line.startsWith("## "))) {
			problems.add(formId + ": the page shows a Markdown heading marker");
		}
		templateValues(formId, recording.variables()).forEach((name, value) -> {
			if (value == null) {
				// shown empty, as Tasklist does: optional data of another path (e.g.
				// repair loops before a review)
				System.err.println("EveryFormBrowserTest: " + formId + ": {{" + name + "}} has no value at this task");
			}
			else if (!text.contains(value)) {
				problems.add(formId + ": its text does not show " + name + " = " + value);
			}
		});
		if (IN_FRENCH.contains(formId)) {
			((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, 0);");
			browser.screenshot("every-form/fr/" + formId);
		}
		WebElement complete = browser.driver().findElement(By.id("complete"));
		complete.click();
		left(browser, complete);
		browser.waitFor(By.tagName("main"));
		String answer = browser.pageText();
		if (answer.contains("Whitelabel") || answer.contains("Exception") || answer.contains("Internal Server Error")) {
			problems.add(formId + ": submitting the defaults gave an error page: " + answer);
		}
		form.allFields()
			.filter((field) -> field.holdsValue() && field.defaultValue() != null)
			.filter((field) -> !browser.driver().findElements(By.id("error-" + field.key())).isEmpty())
			.forEach((field) -> problems.add(formId + ": the default of " + field.key() + " is refused: "
					+ browser.driver().findElement(By.id("error-" + field.key())).getText()));
		if (IN_FRENCH.contains(formId)) {
			browser.click(By.id("language-en"));
		}
		return problems;
	}

	/**
	 * Each template variable of the form's texts with its value as text, null when the
	 * task does not have it.
	 */
	private static Map<String, String> templateValues(String formId, Map<String, Object> variables) {
		Map<String, String> values = new LinkedHashMap<>();
		Matcher expression = TEMPLATE.matcher(read(Path.of("processes", "forms", formId + ".form")));
		while (expression.find()) {
			Object value = variables;
			for (String part : expression.group(1).split("\\.")) {
				value = value instanceof Map<?, ?> scope ? scope.get(part) : null;
			}
			values.put(expression.group(1), value == null ? null : String.valueOf(value));
		}
		return values;
	}

	private UserTask taskOf(long instance, String element) {
		return Awaitility.await("the user task " + element + " of " + instance)
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.client.newUserTaskSearchRequest()
				.filter((filter) -> filter.processInstanceKey(instance).elementId(element))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0);
	}

	/**
	 * Opens the task as the development users of its groups, the "every role" demo
	 * account last, until one may claim it (an HV task needs a valid habilitation, which
	 * some development users lack on purpose): true when the form is open to fill in.
	 */
	private boolean claimedByAMember(Browser browser, String formId, UserTask task) {
		List<String> members = this.users.users()
			.stream()
			.filter((user) -> user.groups().stream().anyMatch(task.getCandidateGroups()::contains))
			.map(RefactoryUsersProperties.User::username)
			.sorted(java.util.Comparator.comparing("demo"::equals))
			.toList();
		for (String member : members) {
			signIn(browser, member);
			browser.go("/console/tasks/" + task.getUserTaskKey());
			if (IN_FRENCH.contains(formId)) {
				browser.click(By.id("language-fr"));
				browser.waitFor(By.id("language-en"));
			}
			List<WebElement> claim = browser.driver().findElements(By.id("claim"));
			if (!claim.isEmpty()) {
				// the answer to the claim is the next page: the form, or the refusal
				claim.get(0).click();
				left(browser, claim.get(0));
				browser.waitFor(By.tagName("main"));
			}
			if (!browser.driver().findElements(By.id("complete")).isEmpty()) {
				return true;
			}
			if (IN_FRENCH.contains(formId)) {
				browser.click(By.id("language-en"));
			}
		}
		return false;
	}

	/**
	 * Waits until the page the element was on is gone (the answer to a form's submission
	 * replaced it): Chromium may say so with a stale element or, mid-navigation, with
	 * another driver error about the element's node.
	 */
	private static void left(Browser browser, WebElement element) {
		browser.waiting(Duration.ofSeconds(30)).until((driver) -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				return true;
			}
		});
	}

	/** Hands the browser to this user, their session kept from the first sign-in. */
	private void signIn(Browser browser, String username) {
		if (username.equals(this.signedIn)) {
			return;
		}
		browser.driver().manage().deleteAllCookies();
		Set<Cookie> session = this.sessions.get(username);
		if (session == null) {
			browser.signIn(username);
			this.sessions.put(username, browser.driver().manage().getCookies());
		}
		else {
			browser.go("/login");
			session.forEach(browser.driver().manage()::addCookie);
		}
		this.signedIn = username;
	}

	/**
	 * One recorded task per form: the first in file order of the tasks whose element uses
	 * the form.
	 */
	private static Map<String, Recording> recordingsByForm() {
		Map<String, Recording> byForm = new java.util.TreeMap<>();
		try (Stream<Path> files = Files.list(RECORDINGS)) {
			files.filter((file) -> file.toString().endsWith(".json")).sorted().forEach((file) -> {
				Recording recording = recording(file);
				String formId = formIdOf(recording.process(), recording.element());
				if (formId != null) {
					byForm.putIfAbsent(formId, recording);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		INPUTS_OF_THE_TASK_BEFORE.forEach((task, before) -> {
			Recording inputs = recording(RECORDINGS.resolve(before + ".json"));
			String element = task.substring(task.indexOf("--") + 2);
			byForm.putIfAbsent(formIdOf(inputs.process(), element),
					new Recording(inputs.process(), element, List.of(), inputs.variables()));
		});
		return byForm;
	}

	private static Recording recording(Path file) {
		try {
			return JSON.readValue(file.toFile(), new TypeReference<Recording>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Where the instance starts: before the task, or, for a task inside a multi-instance
	 * activity (which the engine cannot start inside), before the outermost such
	 * activity, whose input collection the recorded variables hold.
	 */
	private static String startElementOf(String process, String element) {
		var model = Bpmn.readModelFromFile(Path.of("processes", process + ".bpmn").toFile());
		String start = element;
		org.camunda.bpm.model.xml.instance.ModelElementInstance scope = model.getModelElementById(element)
			.getParentElement();
		while (scope instanceof io.camunda.zeebe.model.bpmn.instance.Activity activity) {
			if (activity.getLoopCharacteristics() != null) {
				start = activity.getId();
			}
			scope = activity.getParentElement();
		}
		return start;
	}

	private static String formIdOf(String process, String element) {
		var model = Bpmn.readModelFromFile(Path.of("processes", process + ".bpmn").toFile());
		var task = model.getModelElementById(element);
		if (task == null) {
			return null;
		}
		return task.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.ExtensionElements.class)
			.stream()
			.flatMap((extensions) -> extensions.getChildElementsByType(ZeebeFormDefinition.class).stream())
			.map(ZeebeFormDefinition::getFormId)
			.findFirst()
			.orElse(null);
	}

	private static List<String> formIds() {
		try (Stream<Path> forms = Files.list(Path.of("processes", "forms"))) {
			return forms.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".form"))
				.map((name) -> name.substring(0, name.length() - ".form".length()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

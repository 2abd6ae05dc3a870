package fr.refactory.audit;

import java.util.List;

import fr.refactory.audit.AuditQuestions.AnswerTable;
import fr.refactory.audit.AuditQuestions.Parameters;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * The auditor's questions of domain brief §6.2 (ADR 0913): an index of Q1–Q14, and per
 * question a page and a CSV export of its answer with the query behind each table.
 */
@Controller
class AuditQuestionsController {

	private final AuditQuestions questions;

	AuditQuestionsController(AuditQuestions questions) {
		this.questions = questions;
	}

	@GetMapping("/audit/questions")
	String index(Model model) {
		model.addAttribute("questions", this.questions.all());
		return "audit/questions";
	}

	@GetMapping("/audit/questions/{id}")
	String answer(@PathVariable String id, @RequestParam(required = false) String value, Model model,
			HttpServletResponse response) {
		AuditQuestion question = question(id);
		Parameters parameters = this.questions.parameters(question, value);
		if (question.page() != null && parameters.error() == null) {
			String key = (value != null) ? UriUtils.encodePathSegment(value.strip(), "UTF-8") : "";
			return "redirect:" + question.page().replace("{key}", key);
		}
		model.addAttribute("question", question);
		model.addAttribute("value", (value != null) ? value : "");
		model.addAttribute("error", (value != null) ? parameters.error() : null);
		if (parameters.error() == null) {
			model.addAttribute("tables", this.questions.answer(question, parameters.values()));
		}
		else if (value != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return "audit/question";
	}

	@GetMapping("/audit/questions/{id}.csv")
	ResponseEntity<?> csv(@PathVariable String id, @RequestParam(required = false) String value) {
		AuditQuestion question = question(id);
		Parameters parameters = this.questions.parameters(question, value);
		if (parameters.error() != null || question.page() != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"value: " + ((question.page() != null) ? "this question is answered by its page"
							: "expected " + question.parameter()));
			problem.setProperty("field", "value");
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=audit-" + question.id() + ".csv")
			.contentType(new MediaType("text", "csv"))
			.body(csv(this.questions.answer(question, parameters.values())));
	}

	/** One block per table: its id, the query behind it, its header and rows. */
	private static String csv(List<AnswerTable> tables) {
		StringBuilder csv = new StringBuilder();
		for (AnswerTable table : tables) {
			csv.append(AuditLogController.csv("table"))
				.append(',')
				.append(AuditLogController.csv(table.id()))
				.append('\n');
			csv.append(AuditLogController.csv("query"))
				.append(',')
				.append(AuditLogController.csv(table.query()))
				.append('\n');
			line(csv, table.table().columns());
			table.table().rows().forEach((row) -> line(csv, row));
			csv.append('\n');
		}
		return csv.toString();
	}

	private static void line(StringBuilder csv, List<String> values) {
		csv.append(String.join(",", values.stream().map(AuditLogController::csv).toList())).append('\n');
	}

	private AuditQuestion question(String id) {
		return this.questions.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No auditor question " + id));
	}

}

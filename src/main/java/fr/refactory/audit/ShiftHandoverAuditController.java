package fr.refactory.audit;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.records.AuditLog;
import fr.refactory.records.ShiftHandover;
import fr.refactory.records.ShiftHandovers;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Signed shift handovers for auditors (ADR 0711): what was handed over, who signed when,
 * and its audit entries.
 */
@Controller
class ShiftHandoverAuditController {

	private static final int LIMIT = 200;

	private final ShiftHandovers handovers;

	private final AuditLog auditLog;

	private final ObjectMapper json;

	ShiftHandoverAuditController(ShiftHandovers handovers, AuditLog auditLog, ObjectMapper json) {
		this.handovers = handovers;
		this.auditLog = auditLog;
		this.json = json;
	}

	@GetMapping("/audit/handovers")
	String list(Model model) {
		model.addAttribute("handovers", this.handovers.latest(LIMIT));
		return "audit/handovers";
	}

	@GetMapping("/audit/handovers/{id}")
	String handover(@PathVariable long id, Model model) {
		ShiftHandover handover = this.handovers.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No shift handover " + id));
		model.addAttribute("handover", handover);
		model.addAttribute("content", content(handover));
		model.addAttribute("entries", this.auditLog.about(handover.subjectKey()));
		return "audit/handover";
	}

	private Map<String, Object> content(ShiftHandover handover) {
		try {
			return this.json.readValue(handover.content(), new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored handover is JSON", ex);
		}
	}

}

package fr.refactory.console;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.records.PlantCalendar;
import fr.refactory.records.PlantCalendars;
import fr.refactory.records.Shift;
import fr.refactory.records.ShiftHandover;
import fr.refactory.records.ShiftHandoverRefusal;
import fr.refactory.records.ShiftHandovers;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The shift handover page (ADR 0711): the outgoing shift leader signs what the plant
 * looks like now and his notes; the incoming leader, signed in as himself, countersigns
 * exactly that. Reads the engine through its searches only.
 */
@Controller
class ShiftHandoverController {

	private static final int RECENT = 10;

	private final HandoverSnapshot snapshot;

	private final ShiftHandovers handovers;

	private final PlantCalendars calendars;

	private final ObjectMapper json;

	private final java.time.Clock clock;

	ShiftHandoverController(HandoverSnapshot snapshot, ShiftHandovers handovers, PlantCalendars calendars,
			ObjectMapper json, java.time.Clock clock) {
		this.snapshot = snapshot;
		this.handovers = handovers;
		this.calendars = calendars;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/console/handover")
	String page(Principal principal, Model model) {
		PlantCalendar calendar = this.calendars.current();
		HandoverContent live = this.snapshot.take();
		model.addAttribute("live", asMap(write(live)));
		model.addAttribute("shifts", calendar.shifts());
		model.addAttribute("outgoingShift",
				calendar.shiftsRunningAt(this.clock.instant())
					.stream()
					.map((running) -> running.shift().code())
					.findFirst()
					.orElse(calendar.shifts().get(0).code()));
		model.addAttribute("awaiting", views(this.handovers.awaitingCountersignature()));
		model.addAttribute("recent", views(this.handovers.latest(RECENT)));
		model.addAttribute("me", principal.getName());
		return "console/handover";
	}

	@PostMapping("/console/handover")
	String sign(@RequestParam(required = false) String outgoingShift, @RequestParam(required = false) String notes,
			Principal principal, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		PlantCalendar calendar = this.calendars.current();
		Optional<Shift> outgoing = calendar.shifts()
			.stream()
			.filter((shift) -> shift.code().equals(outgoingShift))
			.findFirst();
		try {
			if (outgoing.isEmpty()) {
				throw new ShiftHandoverRefusal("outgoingShift",
						"Choose the outgoing shift among " + calendar.shifts().stream().map(Shift::code).toList()
								+ ", not '" + outgoingShift + "'",
						false, "unknown-shift", String.join(", ", calendar.shifts().stream().map(Shift::code).toList()),
						String.valueOf(outgoingShift));
			}
			ShiftHandover signed = this.handovers.sign(LocalDate.now(this.clock.withZone(calendar.zone())),
					outgoing.get().code(), incomingAfter(calendar, outgoing.get()), write(this.snapshot.take()), notes,
					principal.getName());
			redirect.addFlashAttribute("noticeCode", "handover.signed");
			redirect.addFlashAttribute("noticeId", String.valueOf(signed.id()));
			return "redirect:/console/handover";
		}
		catch (ShiftHandoverRefusal refusal) {
			return refused(refusal, principal, model, response);
		}
	}

	@PostMapping("/console/handover/{id}/countersign")
	String countersign(@PathVariable long id, Principal principal, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (this.handovers.find(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No shift handover " + id);
		}
		try {
			this.handovers.countersign(id, principal.getName());
			redirect.addFlashAttribute("noticeCode", "handover.countersigned");
			redirect.addFlashAttribute("noticeId", String.valueOf(id));
			return "redirect:/console/handover";
		}
		catch (ShiftHandoverRefusal refusal) {
			return refused(refusal, principal, model, response);
		}
	}

	private String refused(ShiftHandoverRefusal refusal, Principal principal, Model model,
			HttpServletResponse response) {
		response.setStatus((refusal.conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY).value());
		model.addAttribute("errorField", refusal.field());
		model.addAttribute("errorCode", refusal.code());
		model.addAttribute("errorArguments", refusal.arguments());
		return page(principal, model);
	}

	/**
	 * The shift that starts when the outgoing one ends (MORNING → AFTERNOON → NIGHT →
	 * MORNING).
	 */
	private static String incomingAfter(PlantCalendar calendar, Shift outgoing) {
		return calendar.shifts()
			.stream()
			.filter((shift) -> shift.starts().equals(outgoing.ends()))
			.map(Shift::code)
			.findFirst()
			.orElse(calendar.shifts().get(0).code());
	}

	private List<HandoverView> views(List<ShiftHandover> signed) {
		return signed.stream().map((handover) -> new HandoverView(handover, asMap(handover.content()))).toList();
	}

	private String write(HandoverContent content) {
		try {
			return this.json.writeValueAsString(content);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A handover's content is plain data", ex);
		}
	}

	private Map<String, Object> asMap(String content) {
		try {
			return this.json.readValue(content, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored handover is JSON", ex);
		}
	}

	/** A signed handover with its content as the page shows it. */
	record HandoverView(ShiftHandover handover, Map<String, Object> content) {
	}

}

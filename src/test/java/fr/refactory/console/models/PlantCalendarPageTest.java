package fr.refactory.console.models;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.records.PlantCalendars;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process owners see the plant calendar on the models page and close or open the plant on
 * a day (ADR 0700): the calendar the workers count in changes, the audit log has who,
 * what and why; others may not, and a bad day or a missing reason changes nothing.
 */
class PlantCalendarPageTest extends RefactoryIntegrationTest {

	/** A Tuesday that is no holiday and not closed in the calendar file. */
	private static final LocalDate ORDINARY_TUESDAY = LocalDate.of(2031, 6, 10);

	@Autowired
	private PlantCalendars calendars;

	@Autowired
	private AuditLog auditLog;

	private WebSession owner;

	@BeforeEach
	void signInAsProcessOwner() {
		this.owner = WebSession.signedIn(baseUrl(), "process-owner");
	}

	@AfterEach
	void openThePlantAgain() {
		if (this.calendars.current().closureOn(ORDINARY_TUESDAY).isPresent()) {
			this.calendars.removeClosureDay(ORDINARY_TUESDAY, "test over", "process-owner");
		}
	}

	@Test
	void shouldShowTheShiftsTheComputedHolidaysAndTheClosureDaysOfTheFile() {
		HttpResponse<String> page = this.owner.get("/models");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"calendar\"")
			.contains("data-shift=\"MORNING\"")
			.contains("data-shift=\"NIGHT\"")
			.contains("battery-triage")
			.contains("Lundi de Pâques")
			.contains("Ascension")
			.contains("data-day=\"2026-12-24\"")
			.contains("05:30")
			.contains("21:30");
	}

	@Test
	void shouldCloseThenOpenThePlantOnADayAndAuditBoth() {
		assertThat(ORDINARY_TUESDAY.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
		assertThat(this.calendars.current().isWorkingDay(ORDINARY_TUESDAY)).isTrue();

		HttpResponse<String> closed = this.owner.post("/models/calendar/closures",
				Map.of("day", List.of(ORDINARY_TUESDAY.toString()), "reason", List.of("Coupure EDF du site")));

		assertThat(closed.statusCode()).isEqualTo(200);
		assertThat(closed.body()).contains("id=\"calendar-changed\"").contains("data-day=\"" + ORDINARY_TUESDAY + "\"");
		assertThat(this.calendars.current().isWorkingDay(ORDINARY_TUESDAY)).isFalse();
		assertThat(this.calendars.current()
			.plusWorkingDays(ORDINARY_TUESDAY.minusDays(1).atTime(10, 0).atZone(this.calendars.current().zone()), 1))
			.hasToString(ORDINARY_TUESDAY.plusDays(1) + "T10:00+02:00[Europe/Paris]");
		AuditEntry added = last();
		assertThat(added.actor()).isEqualTo("process-owner");
		assertThat(added.data()).contains("\"change\":\"CLOSURE_DAY_ADDED\"")
			.contains("\"day\":\"" + ORDINARY_TUESDAY + "\"")
			.contains("\"reason\":\"Coupure EDF du site\"");

		HttpResponse<String> opened = this.owner.post("/models/calendar/closures/removal",
				Map.of("day", List.of(ORDINARY_TUESDAY.toString()), "reason", List.of("Coupure annulée")));

		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.body()).doesNotContain("data-day=\"" + ORDINARY_TUESDAY + "\"");
		assertThat(this.calendars.current().isWorkingDay(ORDINARY_TUESDAY)).isTrue();
		assertThat(last().data()).contains("\"change\":\"CLOSURE_DAY_REMOVED\"").contains("Coupure annulée");
		assertThat(this.owner.get("/models").body()).contains("CLOSURE_DAY_ADDED").contains("CLOSURE_DAY_REMOVED");
	}

	@Test
	void shouldNameTheFieldAndChangeNothingForABadDayOrNoReason() {
		int audited = this.auditLog.withAction(PlantCalendars.ACTION).size();
		Map<String, String> badDays = Map.of("10/06/2031", "day", "", "day", "2031-06-14", "day", "2026-12-25", "day");

		badDays.forEach((day, field) -> {
			HttpResponse<String> refused = this.owner.post("/models/calendar/closures",
					Map.of("day", List.of(day), "reason", List.of("typo")));
			assertThat(refused.statusCode()).as(day).isEqualTo(422);
			assertThat(refused.body()).as(day).contains("id=\"calendar-problems\"").contains("data-field=\"day\"");
		});
		HttpResponse<String> noReason = this.owner.post("/models/calendar/closures",
				Map.of("day", List.of(ORDINARY_TUESDAY.toString()), "reason", List.of("  ")));
		assertThat(noReason.statusCode()).isEqualTo(422);
		assertThat(noReason.body()).contains("data-field=\"reason\"");
		HttpResponse<String> notClosed = this.owner.post("/models/calendar/closures/removal",
				Map.of("day", List.of(ORDINARY_TUESDAY.toString()), "reason", List.of("open")));
		assertThat(notClosed.statusCode()).isEqualTo(422);
		assertThat(notClosed.body()).contains("is not a closure day");

		assertThat(this.calendars.current().isWorkingDay(ORDINARY_TUESDAY)).isTrue();
		assertThat(this.auditLog.withAction(PlantCalendars.ACTION)).hasSize(audited);
	}

	@Test
	void shouldRefuseAnotherRoleWhenItClosesThePlant() {
		WebSession technician = WebSession.signedIn(baseUrl(), "battery-technician");

		HttpResponse<String> refused = technician.post("/models/calendar/closures",
				Map.of("day", List.of(ORDINARY_TUESDAY.toString()), "reason", List.of("day off")));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(this.calendars.current().isWorkingDay(ORDINARY_TUESDAY)).isTrue();
	}

	private AuditEntry last() {
		List<AuditEntry> entries = this.auditLog.withAction(PlantCalendars.ACTION);
		return entries.get(entries.size() - 1);
	}

}

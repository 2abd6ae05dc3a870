package fr.refactory.workers.calendar;

import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.refactory.records.PlantCalendar;
import fr.refactory.records.PlantCalendars;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Type;
import fr.refactory.workers.support.JobContract.Var;
import fr.refactory.workers.support.MissingVariableException;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

/**
 * {@code calendar.dueDate} (ADR 0700): turns the working-time SLAs of a model into due dates on the plant calendar.
 * Each task header names an output variable and a working-time duration ({@code documentReminderDueAt = 2 WD});
 * the input mapping {@code dueFrom} gives the moment they count from ({@code =now()}, or a date such as the kit's
 * promised date). The model's {@code timeDate} timers read the variables ({@code =date and time(documentReminderDueAt)}),
 * so the same model runs on the embedded engine and on Camunda 8.
 */
@Component
public class CalendarWorkers {

	static final String FROM = "dueFrom";

	private final PlantCalendars calendars;

	public CalendarWorkers(PlantCalendars calendars) {
		this.calendars = calendars;
	}

	@JobWorker(type = "calendar.dueDate", fetchVariables = FROM)
	@JobContract(name = "Plant calendar: working-time due dates",
			description = "ADR 0700: each task header names a due-date variable and its working time on the plant "
					+ "calendar (e.g. documentReminderDueAt = 2 WD, or 8 WH); a timeDate timer reads the variable.",
			inputs = { @Var(name = FROM, type = Type.DATE,
					description = "The moment the due dates count from, e.g. =now() or the kit's promised date",
					required = true) })
	public Map<String, Object> dueDates(ActivatedJob job) {
		PlantCalendar calendar = this.calendars.current();
		ZonedDateTime from = from(job, calendar);
		Map<String, Object> dueDates = new LinkedHashMap<>();
		job.getCustomHeaders().forEach((variable, text) -> {
			if (variable.contains(":")) {
				// not a variable name: a header of the engine's (trace:traceparent,
				// ADR 1305) or Camunda's (io.camunda.zeebe:…)
				return;
			}
			WorkingTime duration = WorkingTime.parse(text);
			if (duration == null) {
				throw new MissingVariableException("Header " + variable + " of " + job.getElementId() + " is '" + text
						+ "': expected a working-time duration such as '2 WD' (working days) or '8 WH' (working hours)");
			}
			dueDates.put(variable, WorkingTime.iso(duration.after(from, calendar)));
		});
		if (dueDates.isEmpty()) {
			throw new MissingVariableException(job.getElementId()
					+ " has no header: name each due-date variable with its working time, e.g. reminderDueAt = 2 WD");
		}
		return dueDates;
	}

	private static ZonedDateTime from(ActivatedJob job, PlantCalendar calendar) {
		Object from = job.getVariablesAsMap().get(FROM);
		if (from == null) {
			throw new MissingVariableException(job.getElementId() + " needs the input mapping " + FROM
					+ " (e.g. =now()) that the due dates count from");
		}
		try {
			return WorkingTime.moment(String.valueOf(from), calendar.zone());
		}
		catch (DateTimeParseException ex) {
			throw new MissingVariableException(FROM + " of " + job.getElementId() + " is '" + from
					+ "', not a date or date-time: " + ex.getMessage());
		}
	}

}

package fr.refactory.console;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters, sort and page of the task list, as given in the page's query string.
 *
 * @param view {@code mine} (assigned to me) or {@code groups} (open to my groups, claimed
 * or not)
 * @param sort {@code due}, {@code priority} or {@code created}
 * @param myShift only tasks nobody holds or held by someone sharing a shift with me on
 * today's roster (ADR 0710)
 */
public record TaskQuery(String view, String process, String task, String subject,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore, String sort, Integer page,
		Boolean myShift) {

	public TaskQuery(String view, String process, String task, String subject, LocalDate dueBefore, String sort,
			Integer page) {
		this(view, process, task, subject, dueBefore, sort, page, null);
	}

	/** The whole tab, due first, unfiltered. */
	public static TaskQuery view(String view) {
		return new TaskQuery(view, null, null, null, null, null, null);
	}

	/**
	 * Whether anything narrows the list beyond the tab: an empty list then may say "clear
	 * the filters".
	 */
	public boolean filtered() {
		return !isBlank(this.process) || !isBlank(this.task) || !isBlank(this.subject) || this.dueBefore != null
				|| onlyMyShift();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	public boolean onlyMyShift() {
		return Boolean.TRUE.equals(this.myShift);
	}

	public String viewOrDefault() {
		return "mine".equals(this.view) ? "mine" : "groups";
	}

	public String sortOrDefault() {
		return (this.sort == null || this.sort.isBlank()) ? "due" : this.sort;
	}

	public int pageOrFirst() {
		return (this.page == null || this.page < 1) ? 1 : this.page;
	}

}

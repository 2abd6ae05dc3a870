package fr.refactory.console;

import java.util.Collection;
import java.util.List;

import io.camunda.client.api.search.response.UserTask;

/**
 * Who may see and work on a user task: its assignee, its candidate users and members of
 * its candidate groups. Camunda's Tasklist shows every task to everyone; the console does
 * not.
 */
final class TaskVisibility {

	private TaskVisibility() {
	}

	static boolean canSee(UserTask task, String username, Collection<String> groups) {
		return username.equals(task.getAssignee()) || listOrEmpty(task.getCandidateUsers()).contains(username)
				|| listOrEmpty(task.getCandidateGroups()).stream().anyMatch(groups::contains);
	}

	private static List<String> listOrEmpty(List<String> values) {
		return values == null ? List.of() : values;
	}

}

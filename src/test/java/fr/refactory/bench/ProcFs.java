package fr.refactory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processes of Linux's /proc the benchmark measures: this JVM and the PostgreSQL
 * serving a data directory.
 */
final class ProcFs {

	private ProcFs() {
	}

	/** The postmasters whose command line names {@code dataDirectory}. */
	static List<Long> postmastersServing(Path dataDirectory) {
		return pids().filter((pid) -> commandLine(pid).contains(dataDirectory.toString())).toList();
	}

	static List<Long> childrenOf(long parent) {
		return pids().filter((pid) -> statusField(pid, "PPid:") == parent).toList();
	}

	/**
	 * A numeric field of /proc/PID/status (e.g. {@code VmHWM:} in kB), 0 when the process
	 * is gone.
	 */
	static long statusField(long pid, String field) {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))
				.stream()
				.filter((line) -> line.startsWith(field))
				.map((line) -> line.substring(field.length()).replace("kB", "").trim())
				.mapToLong(Long::parseLong)
				.findFirst()
				.orElse(0);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * The fields of /proc/PID/stat after the command name (the state is the first), empty
	 * when the process is gone.
	 */
	static String[] statFields(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		}
		catch (IOException | RuntimeException ex) {
			return new String[0];
		}
	}

	private static Stream<Long> pids() {
		try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
			return entries.map((path) -> path.getFileName().toString())
				.filter((name) -> name.chars().allMatch(Character::isDigit))
				.map(Long::valueOf)
				.toList()
				.stream();
		}
		catch (IOException ex) {
			return Stream.empty();
		}
	}

	private static String commandLine(long pid) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
		}
		catch (IOException ex) {
			return "";
		}
	}

}

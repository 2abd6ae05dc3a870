package fr.refactory.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM and by the PostgreSQL serving the benchmark, read from the JVM and from Linux's /proc. On
 * a machine shared with other work, CPU time per job stays meaningful when elapsed time does not.
 */
final class CpuTime {

	private static final double TICKS_PER_SECOND = 100.0;

	private CpuTime() {
	}

	static double ofThisJvmSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	/** The postmaster serving {@code dataDirectory}, its living children and the children it already reaped. */
	static double ofPostgresServingSeconds(Path dataDirectory) {
		List<Long> postmasters = pids().filter((pid) -> commandLine(pid).contains(dataDirectory.toString())).toList();
		long ticks = 0;
		for (long postmaster : postmasters) {
			ticks += ticks(postmaster, true);
			ticks += pids().filter((pid) -> parentOf(pid) == postmaster).mapToLong((pid) -> ticks(pid, false)).sum();
		}
		return ticks / TICKS_PER_SECOND;
	}

	private static long ticks(long pid, boolean withReapedChildren) {
		String[] fields = statFields(pid);
		if (fields.length < 17) {
			return 0;
		}
		// after the command name: state is field 3; utime 14, stime 15, cutime 16, cstime 17 (1-based, man proc)
		long own = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
		return withReapedChildren ? own + Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]) : own;
	}

	private static long parentOf(long pid) {
		String[] fields = statFields(pid);
		return fields.length < 2 ? 0 : Long.parseLong(fields[4 - 3]);
	}

	private static String[] statFields(long pid) {
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

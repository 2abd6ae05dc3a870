package fr.refactory.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * CPU time used by this JVM and by the PostgreSQL serving the benchmark, read from the
 * JVM and from Linux's /proc. On a machine shared with other work, CPU time per job stays
 * meaningful when elapsed time does not.
 */
final class CpuTime {

	private static final double TICKS_PER_SECOND = 100.0;

	private CpuTime() {
	}

	static double ofThisJvmSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	/**
	 * The postmaster serving {@code dataDirectory}, its living children and the children
	 * it already reaped.
	 */
	static double ofPostgresServingSeconds(Path dataDirectory) {
		long ticks = 0;
		for (long postmaster : ProcFs.postmastersServing(dataDirectory)) {
			ticks += ticks(postmaster, true);
			ticks += ProcFs.childrenOf(postmaster).stream().mapToLong((pid) -> ticks(pid, false)).sum();
		}
		return ticks / TICKS_PER_SECOND;
	}

	private static long ticks(long pid, boolean withReapedChildren) {
		String[] fields = ProcFs.statFields(pid);
		if (fields.length < 17) {
			return 0;
		}
		// after the command name: state is field 3; utime 14, stime 15, cutime 16, cstime
		// 17 (1-based, man proc)
		long own = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
		return withReapedChildren ? own + Long.parseLong(fields[16 - 3]) + Long.parseLong(fields[17 - 3]) : own;
	}

}

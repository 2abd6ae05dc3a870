package fr.refactory.bench;

import java.nio.file.Path;

/** Peak resident memory (VmHWM) read from Linux's /proc, for the benchmark's report. */
final class PeakMemory {

	private PeakMemory() {
	}

	static String ofThisJvm() {
		return mebibytes(peakKibibytes(ProcessHandle.current().pid()));
	}

	/**
	 * The postmaster serving {@code dataDirectory} and its children. Per-process peaks
	 * are summed, so shared buffers count once per process: an upper bound.
	 */
	static String ofPostgresServing(Path dataDirectory) {
		long total = 0;
		for (long postmaster : ProcFs.postmastersServing(dataDirectory)) {
			total += peakKibibytes(postmaster);
			total += ProcFs.childrenOf(postmaster).stream().mapToLong(PeakMemory::peakKibibytes).sum();
		}
		return mebibytes(total) + " (sum of per-process peaks)";
	}

	private static long peakKibibytes(long pid) {
		return ProcFs.statusField(pid, "VmHWM:");
	}

	private static String mebibytes(long kibibytes) {
		return (kibibytes / 1024) + " MiB";
	}

}

package fr.refactory.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Peak resident memory (VmHWM) read from Linux's /proc, for the benchmark's report. */
final class PeakMemory {

	private PeakMemory() {
	}

	static String ofThisJvm() {
		return mebibytes(peakKibibytes(ProcessHandle.current().pid()));
	}

	/**
	 * The postmaster serving {@code dataDirectory} and its children. Per-process peaks are summed, so shared buffers
	 * count once per process: an upper bound.
	 */
	static String ofPostgresServing(Path dataDirectory) {
		List<Long> postmasters = pids().filter((pid) -> commandLine(pid).contains(dataDirectory.toString())).toList();
		long total = 0;
		for (long postmaster : postmasters) {
			total += peakKibibytes(postmaster);
			total += pids().filter((pid) -> parentOf(pid) == postmaster).mapToLong(PeakMemory::peakKibibytes).sum();
		}
		return mebibytes(total) + " (sum of per-process peaks)";
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

	private static long peakKibibytes(long pid) {
		return statusField(pid, "VmHWM:");
	}

	private static long parentOf(long pid) {
		return statusField(pid, "PPid:");
	}

	private static long statusField(long pid, String field) {
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

	private static String commandLine(long pid) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String mebibytes(long kibibytes) {
		return (kibibytes / 1024) + " MiB";
	}

}

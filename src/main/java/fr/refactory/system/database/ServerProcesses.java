package fr.refactory.system.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The PostgreSQL processes (postmaster and backends) working in a data directory:
 * PostgreSQL changes its working directory to its data directory, which
 * {@code /proc/<pid>/cwd} shows (Linux, like the packaged binaries).
 */
final class ServerProcesses {

	private ServerProcesses() {
	}

	static List<ProcessHandle> of(Path dataDirectory) {
		return ProcessHandle.allProcesses()
			.filter(ProcessHandle::isAlive)
			.filter(ServerProcesses::isPostgres)
			.filter((process) -> worksIn(process, dataDirectory))
			.toList();
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info()
			.command()
			.map((command) -> Path.of(command).getFileName().toString().equals("postgres"))
			.orElse(false);
	}

	private static boolean worksIn(ProcessHandle process, Path dataDirectory) {
		try {
			return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), dataDirectory);
		}
		catch (IOException | SecurityException ex) {
			return false;
		}
	}

}

package fr.refactory.console.models;

/**
 * Notices a JVM shutdown (SIGTERM) while the application is still starting. Spring closes
 * the context only once its start-up is over, and the start-up deployment is part of it:
 * without this, a SIGTERM during the deployment waited for every model file to be
 * deployed (or was cut short with the database already gone). While watched, a JVM
 * shutdown marks the signal received and interrupts the watching thread.
 */
final class ShutdownSignal implements AutoCloseable {

	private final Thread hook;

	private volatile boolean received;

	private ShutdownSignal(Thread watching) {
		this.hook = new Thread(() -> {
			this.received = true;
			watching.interrupt();
		}, "start-up-deployment-shutdown");
	}

	static ShutdownSignal watch() {
		ShutdownSignal signal = new ShutdownSignal(Thread.currentThread());
		Runtime.getRuntime().addShutdownHook(signal.hook);
		return signal;
	}

	boolean received() {
		return this.received;
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down already: the hook has run or is running
		}
	}

}

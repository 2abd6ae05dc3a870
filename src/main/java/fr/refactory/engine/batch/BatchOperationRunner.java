package fr.refactory.engine.batch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.clock.PeriodicCheck;
import fr.refactory.engine.state.BatchOperationStore;
import fr.refactory.engine.state.BatchOperationStore.Unfinished;
import fr.refactory.engine.state.query.ProcessInstanceQueries.Selected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off batch operations in the background, oldest first, on its own thread: woken
 * when a batch is created or resumed, and once a second (so a batch left unfinished by a
 * stop or crash goes on after the restart). Each chunk of {@value #CHUNK_SIZE} items is
 * one transaction in which every item's engine command and its new item state commit
 * together, so an item is applied exactly once. A chunk in which an item fails is rolled
 * back and redone item by item, each in its own transaction, the failing one recorded
 * {@code FAILED} with the engine's reason (ADR 1040). The batch state is read before each
 * item, so a suspension or cancellation stops the work after the item in progress. The
 * database being away is not an item failure: the chunk is tried again later.
 */
@Component
@ConditionalOnEmbeddedEngine
public class BatchOperationRunner extends PeriodicCheck {

	static final int CHUNK_SIZE = 100;

	private static final Logger LOG = LoggerFactory.getLogger(BatchOperationRunner.class);

	private final BatchOperationStore store;

	private final Map<String, BatchItemExecutor> executors;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final AtomicBoolean draining = new AtomicBoolean();

	private final AtomicBoolean wakeRequested = new AtomicBoolean();

	private volatile ExecutorService worker;

	private boolean failing;

	BatchOperationRunner(BatchOperationStore store, List<BatchItemExecutor> executors,
			PlatformTransactionManager transactions, ObjectMapper json) {
		super("engine-batch-operations");
		this.store = store;
		this.executors = executors.stream()
			.collect(Collectors.toUnmodifiableMap(BatchItemExecutor::operationType, Function.identity()));
		this.transaction = new TransactionTemplate(transactions);
		this.json = json;
	}

	/** The executor of a batch type, if this engine has one. */
	Optional<BatchItemExecutor> executor(String operationType) {
		return Optional.ofNullable(this.executors.get(operationType));
	}

	@Override
	protected void tick() {
		wake();
	}

	/**
	 * Hands the unfinished batches to the worker thread, unless it is at them already (it
	 * then looks again).
	 */
	public void wake() {
		ExecutorService current = this.worker;
		this.wakeRequested.set(true);
		if (current != null && this.draining.compareAndSet(false, true)) {
			current.execute(this::drainWhileWoken);
		}
	}

	private void drainWhileWoken() {
		try {
			while (this.wakeRequested.getAndSet(false)) {
				drain();
			}
			this.failing = false;
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				LOG.warn("Batch operations paused; they go on at a later check", ex);
			}
			this.failing = true;
		}
		finally {
			this.draining.set(false);
		}
		if (this.wakeRequested.get() && !this.failing) {
			wake(); // woken between the last look and the flag's reset
		}
	}

	private void drain() {
		Optional<Unfinished> next = this.store.nextToRun();
		while (next.isPresent() && !Thread.currentThread().isInterrupted()) {
			runAs(next.get().actor(), next.get(), this::run);
			next = this.store.nextToRun();
		}
	}

	private void run(Unfinished batch) {
		long key = batch.batchOperationKey();
		this.transaction.executeWithoutResult((status) -> this.store.start(key));
		Optional<BatchItemExecutor> executor = executor(batch.operationType());
		JsonNode parameters = parameters(batch);
		while (this.store.isActive(key) && !Thread.currentThread().isInterrupted()) {
			List<Selected> chunk = this.store.pendingItems(key, CHUNK_SIZE);
			if (chunk.isEmpty()) {
				this.transaction.executeWithoutResult((status) -> this.store.finishIfDone(key));
				return;
			}
			if (executor.isEmpty()) {
				chunk.forEach((item) -> fail(key, item, "Expected an executor for batch operations of type '"
						+ batch.operationType() + "', but this engine has none"));
			}
			else {
				runChunk(key, executor.get(), parameters, chunk);
			}
		}
	}

	private void runChunk(long key, BatchItemExecutor executor, JsonNode parameters, List<Selected> chunk) {
		try {
			this.transaction.executeWithoutResult((status) -> {
				for (Selected item : chunk) {
					if (!applyIfActive(key, executor, parameters, item)) {
						return;
					}
				}
			});
		}
		catch (RuntimeException ex) {
			if (isTransient(ex)) {
				throw ex;
			}
			runOneByOne(key, executor, parameters, chunk);
		}
	}

	private void runOneByOne(long key, BatchItemExecutor executor, JsonNode parameters, List<Selected> chunk) {
		for (Selected item : chunk) {
			try {
				Boolean applied = this.transaction.execute((status) -> applyIfActive(key, executor, parameters, item));
				if (!Boolean.TRUE.equals(applied)) {
					return;
				}
			}
			catch (RuntimeException ex) {
				if (isTransient(ex)) {
					throw ex;
				}
				fail(key, item, ex instanceof Rejection ? ex.getMessage() : ex.toString());
			}
		}
	}

	/**
	 * Applies the item unless the batch was suspended or cancelled meanwhile; false when
	 * it was.
	 */
	private boolean applyIfActive(long key, BatchItemExecutor executor, JsonNode parameters, Selected item) {
		if (!this.store.isActive(key)) {
			return false;
		}
		executor.execute(item, parameters);
		this.store.itemCompleted(key, item.itemKey());
		return true;
	}

	/**
	 * The database away or a lock conflict: try again later rather than fail the item.
	 */
	private static boolean isTransient(RuntimeException ex) {
		return ex instanceof TransientDataAccessException || ex instanceof RecoverableDataAccessException
				|| ex instanceof DataAccessResourceFailureException || ex instanceof CannotCreateTransactionException;
	}

	private void fail(long key, Selected item, String reason) {
		this.transaction.executeWithoutResult((status) -> this.store.itemFailed(key, item.itemKey(), reason));
	}

	private JsonNode parameters(Unfinished batch) {
		if (batch.parameters() == null) {
			return null;
		}
		try {
			return this.json.readTree(batch.parameters());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Stored batch parameters are JSON (jsonb column)", ex);
		}
	}

	/**
	 * The items' engine commands are logged as caused by whoever created the batch, as if
	 * they had sent each.
	 */
	private static void runAs(String actor, Unfinished batch, java.util.function.Consumer<Unfinished> work) {
		if (actor == null) {
			work.accept(batch);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			work.accept(batch);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Override
	public synchronized void start() {
		this.worker = Executors.newSingleThreadExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "engine-batch-operation-worker");
			thread.setDaemon(true);
			return thread;
		});
		super.start();
	}

	@Override
	public synchronized void stop() {
		super.stop();
		ExecutorService current = this.worker;
		this.worker = null;
		if (current != null) {
			current.shutdownNow();
		}
	}

}

package fr.refactory.records;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import fr.refactory.records.jdbc.IdempotentInserts;
import fr.refactory.records.jdbc.PartRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Parts and cores: where they came from, their grades and credits. */
@Component
public class Parts {

	private final PartRepository repository;

	private final IdempotentInserts inserts;

	Parts(PartRepository repository, IdempotentInserts inserts) {
		this.repository = repository;
		this.inserts = inserts;
	}

	/** Records a part once per idempotency key; returns the stored part. */
	@Transactional
	public Part record(Part part) {
		Part normalised = new Part((part.partId() != null) ? part.partId() : UUID.randomUUID(),
				normalisePartNumber(part.partNumber()), part.family(), part.serialNumber(), vinOrNull(part.donorVin()),
				vinOrNull(part.installedInVin()), part.origin(), part.conditionGrade(), part.coreGrade(),
				part.coreCreditPct(), part.remanSerial(), part.idempotencyKey(), null, null);
		return this.inserts.create("part", normalised, part.idempotencyKey(), this.repository::findByIdempotencyKey);
	}

	/**
	 * An OEM reference as stored: upper-case, without white space (domain brief §5.1).
	 */
	public static String normalisePartNumber(String partNumber) {
		return partNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
	}

	private static String vinOrNull(String vin) {
		return (vin != null) ? Vins.normalise(vin) : null;
	}

	@Transactional(readOnly = true)
	public Optional<Part> find(UUID partId) {
		return this.repository.findById(partId);
	}

	/** Parts harvested from a vehicle (auditor question Q1). */
	@Transactional(readOnly = true)
	public List<Part> harvestedFrom(String donorVin) {
		return this.repository.findByDonorVin(Vins.normalise(donorVin));
	}

	@Transactional
	public Part grade(UUID partId, String coreGrade, int coreCreditPct) {
		Part part = this.repository.findById(partId)
			.orElseThrow(() -> new IllegalArgumentException("Expected a recorded part, but got " + partId));
		return this.repository.save(part.withCoreGrade(coreGrade, coreCreditPct));
	}

}

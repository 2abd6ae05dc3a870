package fr.refactory.records;

import java.util.List;

import fr.refactory.records.jdbc.GenealogyLinkRepository;
import fr.refactory.records.jdbc.IdempotentInserts;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links between assets: what went into, came out of or was made from what, in which
 * process instance.
 */
@Component
public class Genealogy {

	private final GenealogyLinkRepository repository;

	private final IdempotentInserts inserts;

	Genealogy(GenealogyLinkRepository repository, IdempotentInserts inserts) {
		this.repository = repository;
		this.inserts = inserts;
	}

	/** Records a link once per idempotency key; returns the stored link. */
	@Transactional
	public GenealogyLink link(GenealogyLink link) {
		return this.inserts.create("genealogy_link", link, link.idempotencyKey(),
				this.repository::findByIdempotencyKey);
	}

	/** Every link from or to the asset, oldest first. */
	@Transactional(readOnly = true)
	public List<GenealogyLink> linksOf(String assetKey) {
		return this.repository.findByFromKeyOrToKeyOrderByLinkedAt(assetKey, assetKey);
	}

}

package fr.refactory.records.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.refactory.records.GenealogyLink;

import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JDBC access to {@link GenealogyLink}; internal to the records module. */
public interface GenealogyLinkRepository extends ListCrudRepository<GenealogyLink, UUID> {

	Optional<GenealogyLink> findByIdempotencyKey(String idempotencyKey);

	List<GenealogyLink> findByFromKeyOrToKeyOrderByLinkedAt(String fromKey, String toKey);

}

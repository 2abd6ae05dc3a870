package fr.refactory.records;

/**
 * The outcome of walking the audit chain.
 *
 * @param entriesChecked how many entries were read
 * @param firstBrokenSequence the sequence number of the first entry whose hash or link
 * does not match, or {@code null} when the chain is intact
 * @param reason why that entry is broken
 * @param headHash the hash of the last entry: keep it elsewhere to detect a removal of
 * the newest entries
 */
public record AuditVerification(long entriesChecked, Long firstBrokenSequence, String reason, String headHash) {

	public boolean intact() {
		return this.firstBrokenSequence == null;
	}

}

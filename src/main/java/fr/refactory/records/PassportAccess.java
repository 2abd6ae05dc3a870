package fr.refactory.records;

/**
 * Who may read a battery passport attribute (EU Battery Regulation 2023/1542, Annex XIII;
 * ADR 0901). Each level also sees what the levels before it see.
 */
public enum PassportAccess {

	PUBLIC, LEGITIMATE_INTEREST, AUTHORITIES;

	public boolean sees(PassportAttribute attribute) {
		return attribute.access().ordinal() <= ordinal();
	}

}

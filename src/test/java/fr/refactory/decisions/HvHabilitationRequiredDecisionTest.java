package fr.refactory.decisions;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * D5 {@code hv-habilitation-required} (hit policy UNIQUE) and its second check
 * {@code hv-habilitation-check} (FIRST), which requires it: may this person claim the
 * task on the operation date?
 */
class HvHabilitationRequiredDecisionTest {

	static List<DecisionCase> requiredSymbolCases() {
		return DecisionCase.table("hv-habilitation-required",
				"""
						case                                   | vehicleHasHvSystem | operationType          || rule                                     | requiredSymbol  | leadSymbol
						ICE vehicle, HV work type given        | false              | HV_WORK_EXECUTE        || rule-no-hv-system                        | NONE            |
						ICE vehicle, no operation type         | false              |                        || rule-no-hv-system                        | NONE            |
						paint near HV parts                    | true               | NON_ELECTRICAL_NEAR_HV || rule-non-electrical-near-hv              | B0L             |
						lockout                                | true               | LOCKOUT                || rule-lockout                             | BCL             |
						executes HV work                       | true               | HV_WORK_EXECUTE        || rule-hv-work-execute                     | B1L             |
						leads HV work                          | true               | HV_WORK_LEAD           || rule-hv-work-lead                        | B2L             |
						HV intervention                        | true               | HV_INTERVENTION        || rule-hv-intervention                     | BRL             |
						battery operation                      | true               | BATTERY_OPERATION      || rule-battery-operation-or-deconstruction | B1XL            | B2XL
						deconstruction                         | true               | DECONSTRUCTION         || rule-battery-operation-or-deconstruction | B1XL            | B2XL
						HV vehicle, no HV operation            | true               | NONE_HV                || rule-no-hv-operation                     | NONE            |
						HV system unknown                      |                    | LOCKOUT                || rule-incomplete-hv-system                | INCOMPLETE_DATA |
						HV vehicle, operation type missing     | true               |                        || rule-incomplete-operation                | INCOMPLETE_DATA |
						HV vehicle, unknown operation type     | true               | WELDING                || rule-incomplete-operation                | INCOMPLETE_DATA |
						""");
	}

	static List<DecisionCase> claimCases() {
		return DecisionCase.table("hv-habilitation-check",
				"""
						case                                       | vehicleHasHvSystem | operationType          | heldSymbols | titleExpiryDate | lastRefresherDate | operationDate || rule                                                       | claimAllowed | refusalReason
						B0L holder paints a Zoe                    | true               | NON_ELECTRICAL_NEAR_HV | [B0L]       | 2027-01-01      | 2024-01-10        | 2025-01-10    || rule-non-electrical-near-hv rule-habilitation-valid        | true         |
						ICE vehicle, no title at all               | false              | LOCKOUT                | []          |                 |                   | 2025-01-10    || rule-no-hv-system rule-no-habilitation-needed              | true         |
						B1L holder claims a lockout                | true               | LOCKOUT                | [B1L]       | 2027-01-01      | 2024-01-10        | 2025-01-10    || rule-lockout rule-habilitation-missing                     | false        | HABILITATION_MISSING
						title carrying B1L and BCL claims lockout  | true               | LOCKOUT                | [B1L, BCL]  | 2027-01-01      | 2024-01-10        | 2025-01-10    || rule-lockout rule-habilitation-valid                       | true         |
						B2L holder cannot claim battery work       | true               | BATTERY_OPERATION      | [B2L]       | 2027-01-01      | 2024-01-10        | 2025-01-10    || rule-battery-operation-or-deconstruction rule-habilitation-missing | false | HABILITATION_MISSING
						boundary: title expires on the task day    | true               | HV_WORK_EXECUTE        | [B1L]       | 2025-01-10      | 2024-01-10        | 2025-01-10    || rule-hv-work-execute rule-habilitation-valid               | true         |
						boundary: title expired the day before     | true               | HV_WORK_EXECUTE        | [B1L]       | 2025-01-09      | 2024-01-10        | 2025-01-10    || rule-hv-work-execute rule-title-expired                    | false        | HABILITATION_EXPIRED
						boundary: refresher exactly 3 years old    | true               | HV_WORK_LEAD           | [B2L]       | 2027-01-01      | 2022-01-10        | 2025-01-10    || rule-hv-work-lead rule-refresher-overdue                   | false        | REFRESHER_OVERDUE
						boundary: refresher 3 years less one day   | true               | HV_WORK_LEAD           | [B2L]       | 2027-01-01      | 2022-01-11        | 2025-01-10    || rule-hv-work-lead rule-habilitation-valid                  | true         |
						task date missing                          | true               | HV_WORK_LEAD           | [B2L]       | 2027-01-01      | 2022-01-11        |               || rule-hv-work-lead rule-operation-date-missing              | false        | INCOMPLETE_DATA
						title expiry date missing                  | true               | HV_WORK_LEAD           | [B2L]       |                 | 2024-01-10        | 2025-01-10    || rule-hv-work-lead rule-incomplete-data                     | false        | INCOMPLETE_DATA
						vehicle HV status unknown                  |                    | LOCKOUT                | [BCL]       | 2027-01-01      | 2024-01-10        | 2025-01-10    || rule-incomplete-hv-system rule-required-symbol-incomplete  | false        | INCOMPLETE_DATA
						""");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requiredSymbolCases")
	void shouldRequireTheSymbolOfTheTableWhenEvaluated(DecisionCase decisionCase) {
		decisionCase.verify();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("claimCases")
	void shouldAllowTheClaimOnlyWhenTheTitleIsValid(DecisionCase decisionCase) {
		decisionCase.verify();
	}

}

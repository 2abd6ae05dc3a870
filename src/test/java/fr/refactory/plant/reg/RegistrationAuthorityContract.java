package fr.refactory.plant.reg;

import fr.refactory.plant.IdempotencyKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RegistrationAuthority} adapter must do; run against the simulated and
 * the HTTP adapter.
 */
abstract class RegistrationAuthorityContract {

	protected abstract RegistrationAuthority authority();

	@Test
	void shouldIssueTheSameCertificateWhenAskedAgain() {
		CodAnswer first = authority().requestCoD(IdempotencyKey.of("job-1:cod"), new CodRequest("VF1MA000012345678"));
		CodAnswer again = authority().requestCoD(IdempotencyKey.of("job-2:cod"), new CodRequest("VF1MA000012345678"));

		assertThat(first.issued()).isTrue();
		assertThat(first.codNumber()).startsWith("COD-");
		assertThat(first.issuedAt()).isNotNull();
		assertThat(again).isEqualTo(first);
	}

	@Test
	void shouldKeepTheCertificateOfAVinUnderManualCheckPending() {
		CodAnswer answer = authority().requestCoD(IdempotencyKey.of("job-3:cod"), new CodRequest("VF1MA000012300000"));

		assertThat(answer.status()).isEqualTo(CodAnswer.PENDING);
		assertThat(answer.issued()).isFalse();
		assertThat(answer.codNumber()).isNull();
	}

}

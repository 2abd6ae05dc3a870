package fr.refactory.system.roster;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated competency register's shift roster (ADR 0710): the people of each shift
 * code, every day. The people with configured habilitations
 * ({@code refactory.habilitations.people}) listed under no shift work every shift named
 * here, as the simulated plant ran round the clock before (ADR 0403). The plant's real
 * roster comes from HR-COMP.
 */
@ConfigurationProperties("refactory.roster")
public record RosterProperties(@DefaultValue Map<String, List<String>> shifts) {
}

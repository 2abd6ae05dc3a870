package fr.refactory.system.habilitation;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Habilitation titles per user name, as the competency register (HR-COMP) would answer
 * them, until the console asks the register itself. A map, so one configuration file can
 * give titles to users defined in another.
 */
@ConfigurationProperties("refactory.habilitations")
public record HabilitationProperties(@DefaultValue Map<String, List<HabilitationTitle>> people) {
}

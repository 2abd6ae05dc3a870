package fr.refactory.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pageSize tasks per page of the task list
 */
@ConfigurationProperties("refactory.console")
public record ConsoleProperties(@DefaultValue("20") int pageSize) {
}

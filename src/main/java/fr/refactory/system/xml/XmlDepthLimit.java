package fr.refactory.system.xml;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Limits how deep any XML the application parses may nest (uploaded BPMN and DMN, on
 * {@code /v2} and on the models page, diagrams, diffs): the JDK's parsers read
 * {@code jdk.xml.maxElementDepth} each time one is created, and code walking a parsed
 * document recursively can then not overflow its stack (issue 19, ADR 0502). Set before
 * the application context exists, so the models deployed at start-up are read under the
 * same limit. A value given on the command line ({@code -Djdk.xml.maxElementDepth}) wins.
 */
public class XmlDepthLimit implements EnvironmentPostProcessor {

	static final String JDK_PROPERTY = "jdk.xml.maxElementDepth";

	static final String PROPERTY = "refactory.xml.max-element-depth";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (System.getProperty(JDK_PROPERTY) == null) {
			System.setProperty(JDK_PROPERTY, environment.getProperty(PROPERTY, "200"));
		}
	}

}

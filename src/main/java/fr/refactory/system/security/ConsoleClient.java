package fr.refactory.system.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the Camunda client of the console and the audit views
 * ({@code refactory.engine.console-client.*}, role {@code CONSOLE_CLIENT}). The plain
 * {@code CamundaClient} is the job workers' and may only work jobs (ADR 0506).
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Qualifier
public @interface ConsoleClient {

}

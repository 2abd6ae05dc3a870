package fr.refactory.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The tests' own Camunda client of the shared application: built like the application's
 * clients, signed in as the process tests' user
 * ({@code camunda.process-test.remote.client.auth.*}, {@code demo}, every permission).
 * The application's plain {@code CamundaClient} is its job workers' and may only work
 * jobs (ADR 0506).
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Qualifier
public @interface AdminClient {

}

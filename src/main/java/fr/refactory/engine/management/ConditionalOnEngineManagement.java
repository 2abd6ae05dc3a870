package fr.refactory.engine.management;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Management beans exist only with {@code refactory.engine.management.enabled=true}. Off
 * unless configured: the {@code dev} profile ({@code ./mvnw spring-boot:run}) and the
 * tests turn it on (docs/decisions/0240).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "refactory.engine.management.enabled", havingValue = "true")
public @interface ConditionalOnEngineManagement {

}

package fr.refactory.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Every engine bean carries this: with {@code refactory.engine.enabled=false} the
 * application runs against a real Camunda 8 cluster and no embedded engine bean (nor its
 * {@code /v2} API) exists.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "refactory.engine.enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnEmbeddedEngine {

}

package io.shardhome.links.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that needs {@link MariaDbSites}: the whole class is skipped, before any of its
 * extensions (a Spring context) or {@code @BeforeAll} methods run, when the site masters of this run's
 * {@link Flavour} cannot start here (MySQL 8 without a Docker engine). Without it, {@link
 * MariaDbSites#get(String)} skips test by test, which a failed Spring context or {@code @AfterAll} would
 * turn into errors. Under {@link StrictTests} (CI) nothing is disabled: the tests run and fail.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresSiteMasters.Condition.class)
public @interface RequiresSiteMasters {
    /** Disables the annotated class when {@link MariaDbSites#unavailableReason()} names a reason. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (StrictTests.strict()) {
                return ConditionEvaluationResult.enabled("strict: a test that cannot reach its sites fails");
            }
            return MariaDbSites.unavailableReason()
                    .map(ConditionEvaluationResult::disabled)
                    .orElseGet(() -> ConditionEvaluationResult.enabled("site masters can start here"));
        }
    }
}

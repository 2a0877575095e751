package io.shardhome.spring;

import io.shardhome.directory.client.AccessMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter of a Spring bean's method that names the shard (customer) the method works on: the
 * call runs in that shard's {@code ShardContext}, outside any transaction the method starts, so its
 * connections go to the shard's home (or, for read-only transactions, a fresh copy).
 *
 * <pre>{@code
 * @Transactional
 * public Note add(@ShardId String customer, String text) { ... }
 * }</pre>
 *
 * <p>The parameter must be a {@code String}; a null or blank value fails the call with an {@link
 * IllegalArgumentException} before any work.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ShardId {
    /** {@link AccessMode#READ_ONLY} routes all the method's work like read-only work, transaction or not. */
    AccessMode mode() default AccessMode.READ_WRITE;
}

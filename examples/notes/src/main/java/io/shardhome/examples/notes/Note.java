package io.shardhome.examples.notes;

import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;

/**
 * One note of a customer, in table {@code note} of the customer's schema. Immutable.
 *
 * @param id assigned by the customer's home master
 * @param text what the note says
 * @param createdAt when it was written
 */
public record Note(@Id Long id, String text, LocalDateTime createdAt) {}

package io.shardhome.examples.notes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small SaaS service on shardhome: every customer has notes in a schema of its own (a shard), homed at
 * one site. It uses the stack such a team already has (Spring MVC, Spring Data JDBC, Flyway) plus one
 * dependency, the shardhome starter, and a few {@code shardhome.client.*} properties.
 */
@SpringBootApplication
public class NotesApplication {
    public static void main(String[] args) {
        SpringApplication.run(NotesApplication.class, args);
    }
}

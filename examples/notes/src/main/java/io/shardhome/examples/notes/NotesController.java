package io.shardhome.examples.notes;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /customers/{customer}/notes}: write a note (parameter {@code text}, e.g. {@code curl -d
 * text=...}), read the latest 20; and
 * {@code /customers/{customer}/traffic}: a steady stream of writes for a while, to watch a move from the
 * application's side.
 */
@RestController
@RequestMapping("/customers/{customer}")
class NotesController {
    private static final int MAX_TEXT = 1000;

    private final Notes notes;
    private final Traffic traffic;

    NotesController(Notes notes, Traffic traffic) {
        this.notes = notes;
        this.traffic = traffic;
    }

    @PostMapping("/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Notes.Written add(@PathVariable String customer, @RequestParam String text) {
        if (text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(
                    "a note has 1 to " + MAX_TEXT + " characters; this one has " + text.length());
        }
        return notes.add(customer, text.strip());
    }

    @GetMapping("/notes")
    Notes.Read latest(@PathVariable String customer) {
        return notes.latest(customer);
    }

    @PostMapping("/traffic")
    Traffic.Summary traffic(
            @PathVariable String customer,
            @RequestParam(defaultValue = "20") int seconds,
            @RequestParam(defaultValue = "50") int perSecond)
            throws InterruptedException {
        return traffic.run(customer, seconds, perSecond);
    }

    /** Answers when something is wrong with the request, in one line. */
    @org.springframework.web.bind.annotation.ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Map<String, String> badRequest(IllegalArgumentException e) {
        return Map.of("error", e.getMessage());
    }
}

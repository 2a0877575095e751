package io.shardhome.examples.notes;

import io.shardhome.spring.ShardId;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application's work on one customer's notes. {@code @ShardId} names the customer: writes go to its
 * home master, read-only transactions to the local site's copy when that is fresh (else to the home).
 * Each answer says which site served it.
 */
@Service
public class Notes {
    private final NoteRepository notes;
    private final JdbcTemplate jdbc;
    private final SiteNames sites;

    public Notes(NoteRepository notes, JdbcTemplate jdbc, SiteNames sites) {
        this.notes = notes;
        this.jdbc = jdbc;
        this.sites = sites;
    }

    /** A note and the site whose master took it. */
    public record Written(Note note, String site) {}

    /** Notes and the site that served them (the home, or a fresh copy). */
    public record Read(List<Note> notes, String site) {}

    @Transactional
    public Written add(@ShardId String customer, String text) {
        Note saved = notes.save(new Note(null, text, LocalDateTime.now()));
        return new Written(saved, servedBy());
    }

    @Transactional(readOnly = true)
    public Read latest(@ShardId String customer) {
        return new Read(notes.findTop20ByOrderByIdDesc(), servedBy());
    }

    /** The site of the master this transaction's connection goes to. */
    private String servedBy() {
        return sites.byPort(jdbc.queryForObject("SELECT @@port", Integer.class));
    }
}

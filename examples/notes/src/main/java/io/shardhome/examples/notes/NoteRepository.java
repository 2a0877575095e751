package io.shardhome.examples.notes;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JDBC: the schema is the current customer's, chosen by the starter's routing. */
public interface NoteRepository extends ListCrudRepository<Note, Long> {
    List<Note> findTop20ByOrderByIdDesc();
}

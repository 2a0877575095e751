package io.shardhome.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusRedactionTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            applying 1-1-7 at sjc failed: Duplicate entry 'alice@example.com' for key 'email' (error 1062); fix it | applying 1-1-7 at sjc failed: Duplicate entry '<redacted>' for key 'email' (error 1062); fix it
            Incorrect integer value: 'abc' for column `acme`.`t`.`n` at row 1 | Incorrect integer value: '<redacted>' for column `acme`.`t`.`n` at row 1
            Duplicate entry 'it''s' for key 'PRIMARY' | Duplicate entry '<redacted>' for key 'PRIMARY'
            UPDATE of acme.orders matched 0 rows at sjc (key [id=42, email=bob@x.org]); re-copy | UPDATE of acme.orders matched 0 rows at sjc (key [id=<redacted>, email=<redacted>]); re-copy
            BINLOG 'ZGVtbyBkYXRhIGZvciBhIHJvdyBpbWFnZSB0aGF0IGlzIGxvbmcgZW5vdWdo' failed | BINLOG '<redacted>' failed
            source sjc unavailable: Communications link failure | source sjc unavailable: Communications link failure
            Rejected event from unknown shard: gtid=2-2-34 shard=superior | Rejected event from unknown shard: gtid=2-2-34 shard=superior
            DELETE of acme.t matched 0 rows (key (id=9)); set channels=4 | DELETE of acme.t matched 0 rows (key (id=<redacted>)); set channels=4
            """)
    void rowValuesAreRemovedAndTheRestStays(String message, String published) {
        assertThat(StatusRedaction.redact(message)).isEqualTo(published);
    }
}

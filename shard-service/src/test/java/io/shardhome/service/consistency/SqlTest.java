package io.shardhome.service.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.service.consistency.TableShape.Column;
import io.shardhome.service.consistency.TableShape.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTest {
    private static final Column ID = new Column("id", "bigint", false, Kind.NUMBER);
    private static final Column N = new Column("n", "int", false, Kind.NUMBER);
    private static final Column NAME = new Column("na`me", "varchar", true, Kind.TEXT);
    private static final Column FLAGS = new Column("flags", "bit", true, Kind.BIT);
    private static final TableShape ONE_KEY =
            new TableShape("s", "t", List.of(ID, NAME, FLAGS), List.of(ID), "PRIMARY");
    private static final TableShape TWO_KEYS =
            new TableShape("s", "t", List.of(ID, N, NAME), List.of(ID, N), "PRIMARY");

    @Test
    void aRowHashesItsStoredBytesItsBitsAsNumbersAndWhichColumnsAreNull() {
        assertThat(Sql.rowHash(ONE_KEY))
                .isEqualTo("CRC32(CONCAT_WS('#',`id`,CAST(`na``me` AS BINARY),`flags`+0,"
                        + "CONCAT(ISNULL(`na``me`),ISNULL(`flags`))))");
    }

    @Test
    void chunkBoundsCompareTheKeyLexicographicallyWithOneParameterPerTerm() {
        Chunk chunk = new Chunk(List.of("1", "2"), List.of("5", "0"));

        assertThat(Sql.where(TWO_KEYS, chunk))
                .isEqualTo("((`id` > ?) OR (`id` = ? AND `n` >= ?)) AND ((`id` < ?) OR (`id` = ? AND `n` < ?))");
        assertThat(Sql.where(ONE_KEY, new Chunk(null, List.of("9")))).isEqualTo("`id` < ?");
        assertThat(Sql.where(ONE_KEY, Chunk.WHOLE)).isEqualTo("TRUE");
    }

    @Test
    void anIndexIsForcedOnlyWhenTheShapeNamesOne() {
        assertThat(Sql.forceKey(ONE_KEY)).isEqualTo(" FORCE INDEX (`PRIMARY`)");
        assertThat(Sql.forceKey(ONE_KEY.withoutIndexHint())).isEmpty();
    }

    @Test
    void keysReadAsValuesJoinedWithBinaryInHex() {
        assertThat(Sql.display(List.of("5", new byte[] {0, (byte) 0xff}))).isEqualTo("5,0x00ff");
    }

    @Test
    void chunksCoverEverythingBetweenAndBeyondTheBoundaries() {
        List<Chunk> chunks = Chunk.between(List.of(List.of("10"), List.of("20")));

        assertThat(chunks)
                .containsExactly(
                        new Chunk(null, List.of("10")),
                        new Chunk(List.of("10"), List.of("20")),
                        new Chunk(List.of("20"), null));
        assertThat(Chunk.between(List.of())).containsExactly(Chunk.WHOLE);
    }

    @Test
    void onlyASingleIntegerKeyIsChunkedByValue() {
        assertThat(ONE_KEY.hasIntegerKey()).isTrue();
        assertThat(TWO_KEYS.hasIntegerKey()).isFalse();
        assertThat(Kind.of("MEDIUMBLOB")).isEqualTo(Kind.BINARY);
        assertThat(Kind.of("point")).isEqualTo(Kind.SPATIAL);
        assertThat(Kind.of("json")).isEqualTo(Kind.TEXT);
    }
}

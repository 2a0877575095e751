package io.shardhome.links.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import io.shardhome.links.source.BinlogPosition;
import io.shardhome.links.source.ColumnShape;
import io.shardhome.links.source.RowChange;
import io.shardhome.links.source.SourceTransaction;
import io.shardhome.links.source.TableShape;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupOrderTest {
    private static final List<ColumnShape> ID = List.of(new ColumnShape("id", ColumnType.LONG.getCode(), false, null));

    private static SourceTransaction tx(String gtid, String schema, int... ids) {
        TableShape table = new TableShape(schema, "t", ID, List.of(0));
        List<RowChange> rows = java.util.Arrays.stream(ids)
                .mapToObj(id -> RowChange.insert(table, new Object[] {id}))
                .toList();
        return new SourceTransaction(gtid, BinlogPosition.NONE, 0, Set.of(schema), rows, List.of());
    }

    @Test
    void groupedRowsStayInOrderWithinEachShardAndGatherByShard() {
        List<SourceTransaction> group = List.of(tx("1-1-1", "a", 1, 2), tx("1-1-2", "b", 10), tx("1-1-3", "a", 3));

        List<RowChange> ordered = TargetApplier.byShard(group);

        assertThat(ordered)
                .extracting(r -> r.table().schema() + ":" + r.after().get(0))
                .containsExactly("a:1", "a:2", "a:3", "b:10");
    }
}

package io.shardhome.links.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import io.shardhome.links.source.ColumnShape;
import io.shardhome.links.source.RowChange;
import io.shardhome.links.source.TableShape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowStatementsTest {
    private static final List<ColumnShape> COLUMNS = List.of(
            new ColumnShape("id", ColumnType.LONG.getCode(), false, null),
            new ColumnShape("name", ColumnType.VARCHAR.getCode(), false, "UTF-8"));
    private static final TableShape WITH_PK = new TableShape("acme", "t", COLUMNS, List.of(0));
    private static final TableShape NO_PK = new TableShape("acme", "log", COLUMNS, List.of());

    @Test
    void insertNamesEveryColumn() {
        RowChange insert = RowChange.insert(WITH_PK, new Object[] {1, "a"});
        assertThat(RowStatements.sql(insert)).isEqualTo("INSERT INTO `acme`.`t` (`id`,`name`) VALUES (?,?)");
        assertThat(RowStatements.parameters(insert)).containsExactly(1, "a");
    }

    @Test
    void updateAndDeleteFindTheRowByPrimaryKeyBeforeImage() {
        RowChange update = RowChange.update(WITH_PK, new Object[] {1, "a"}, new Object[] {2, "b"});
        assertThat(RowStatements.sql(update)).isEqualTo("UPDATE `acme`.`t` SET `id`=?,`name`=? WHERE `id`=?");
        assertThat(RowStatements.parameters(update)).containsExactly(2, "b", 1);
        RowChange delete = RowChange.delete(WITH_PK, new Object[] {1, "a"});
        assertThat(RowStatements.sql(delete)).isEqualTo("DELETE FROM `acme`.`t` WHERE `id`=?");
    }

    @Test
    void tablesWithoutPrimaryKeyMatchAllColumnsNullSafelyOneRow() {
        RowChange delete = RowChange.delete(NO_PK, new Object[] {1, null});
        assertThat(RowStatements.sql(delete))
                .isEqualTo("DELETE FROM `acme`.`log` WHERE `id`<=>? AND `name`<=>? LIMIT 1");
        assertThat(RowStatements.parameters(delete)).isEqualTo(Arrays.asList(1, null));
    }
}

package io.shardhome.links.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementSchemasTest {
    @ParameterizedTest(name = "[{index}] {0} (default ''{1}'') -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "create database superior                                   |       | superior",
                "CREATE DATABASE IF NOT EXISTS `my db`                      | acme  | my db",
                "DROP SCHEMA IF EXISTS acme                                 | other | acme",
                "ALTER DATABASE acme CHARACTER SET utf8mb4                  |       | acme",
                "TRUNCATE TABLE bench.t                                     |       | bench",
                "TRUNCATE bench.t                                           |       | bench",
                "CREATE TABLE t (id INT PRIMARY KEY)                        | acme  | acme",
                "CREATE TABLE t (id INT PRIMARY KEY)                        |       | ''",
                "CREATE TABLE `acme`.`t` (id INT)                           | other | acme",
                "DROP TABLE IF EXISTS a.t1, b.t2                            |       | a,b",
                "DROP TABLE t1, t2                                          | acme  | acme",
                "RENAME TABLE a.t TO b.t                                    |       | a,b",
                "ALTER TABLE t ADD COLUMN c INT                             | acme  | acme",
                "CREATE INDEX i ON acme.t (c)                               |       | acme",
                "CREATE TABLE acme.c (p INT, FOREIGN KEY (p) REFERENCES other.p(id)) |  | acme,other",
                "CREATE TABLE acme.t2 LIKE acme.t                           |       | acme",
                "/* shardhome origin=sjc link=sjc->nyc */ CREATE TABLE t (id INT) | acme | acme",
                "CREATE TABLE t (note VARCHAR(10) DEFAULT 'x.y')           | acme  | acme",
                "CREATE USER 'app'@'%' IDENTIFIED BY 'a.b'                  | acme  | mysql",
                "GRANT SELECT ON acme.* TO 'app'@'%'                        |       | mysql",
            })
    void schemasComeFromTheStatementNotOnlyTheDefaultSchema(String sql, String defaultSchema, String expected) {
        Set<String> schemas = StatementSchemas.of(sql, defaultSchema == null ? "" : defaultSchema);
        Set<String> want = expected.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(expected.split(",")));
        assertThat(schemas).containsExactlyInAnyOrderElementsOf(want);
    }
}

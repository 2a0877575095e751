package io.shardhome.links.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardhome.links.conformance.SqlSplitter.Piece;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {
    @Test
    void statementsEndAtSemicolonsAndMaySpanLines() {
        assertThat(SqlSplitter.split("SELECT 1;\nINSERT INTO t\n  VALUES (1),\n  (2);\n"))
                .containsExactly(
                        new Piece(1, "SELECT 1", false), new Piece(2, "INSERT INTO t\n  VALUES (1),\n  (2)", false));
    }

    @Test
    void delimitersInsideQuotesAndCommentsDoNotEndAStatement() {
        List<Piece> pieces = SqlSplitter.split("INSERT INTO t VALUES ('a;b', \"c;d\", 'it''s;', 'x\\';y');"
                + " -- trailing; comment\n# hash; comment\nSELECT `we;ird` /* block; */ FROM t;");
        assertThat(pieces)
                .extracting(Piece::text)
                .containsExactly(
                        "INSERT INTO t VALUES ('a;b', \"c;d\", 'it''s;', 'x\\';y')",
                        "SELECT `we;ird` /* block; */ FROM t");
    }

    @Test
    void delimiterLinesChangeTheDelimiterForRoutineBodies() {
        List<Piece> pieces = SqlSplitter.split("DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\n"
                + "END$$\ndelimiter ;\nCALL p();\n");
        assertThat(pieces)
                .containsExactly(
                        new Piece(2, "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND", false),
                        new Piece(8, "CALL p()", false));
    }

    @Test
    void directiveLinesArePiecesOfTheirOwnAndCommentsBetweenStatementsVanish() {
        List<Piece> pieces = SqlSplitter.split(
                "-- a comment\n-- @error 1062\nINSERT INTO t VALUES (1);\n\n" + "-- @offending\n  SELECT 2;\n--\n");
        assertThat(pieces)
                .containsExactly(
                        new Piece(2, "@error 1062", true),
                        new Piece(3, "INSERT INTO t VALUES (1)", false),
                        new Piece(5, "@offending", true),
                        new Piece(6, "SELECT 2", false));
    }

    @Test
    void doubleDashWithoutASpaceIsAnOperatorNotAComment() {
        assertThat(SqlSplitter.split("SELECT 1--1;")).extracting(Piece::text).containsExactly("SELECT 1--1");
    }

    @Test
    void unterminatedInputIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> SqlSplitter.split("SELECT 1;\nSELECT 'open;\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> SqlSplitter.split("SELECT 1;\n\nSELECT 2\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3", "does not end with ';'");
        assertThatThrownBy(() -> SqlSplitter.split("SELECT /* never closed;"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }
}

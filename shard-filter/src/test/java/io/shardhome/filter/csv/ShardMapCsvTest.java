package io.shardhome.filter.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.shardhome.filter.ShardFilterException.Code;
import io.shardhome.filter.map.ShardDefinition;
import io.shardhome.filter.map.ShardMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ShardMapCsvTest {
    private static final String HEADER = "shard_id master critical\n";

    static Stream<Arguments> malformedMaps() {
        return Stream.of(
                arguments(
                        "", List.of("map.csv:1:1: missing header; the first line must be 'shard_id master critical'")),
                arguments(
                        "# only a comment\n\n",
                        List.of("map.csv:2:1: missing header; the first line must be 'shard_id master critical'")),
                arguments(
                        "acme sjc false\npinnacle nyc false\n",
                        List.of("map.csv:1:1: missing header; the first line must be 'shard_id master critical'"
                                + " but is 'acme sjc false'")),
                arguments(
                        "acme sjc yes\n",
                        List.of(
                                "map.csv:1:1: missing header; the first line must be 'shard_id master critical'"
                                        + " but is 'acme sjc yes'",
                                "map.csv:1:10: bad critical value 'yes'; use true or false")),
                arguments(
                        "shard_id master critical owner\nacme sjc false bob\n",
                        List.of("map.csv:1:26: unknown column 'owner'; the columns are shard_id, master and critical")),
                arguments(
                        "shard_id master master critical\n",
                        List.of("map.csv:1:17: column 'master' is named twice (first at column 10);"
                                + " name each column once")),
                arguments(
                        "shard_id master\nacme sjc\n",
                        List.of("map.csv:1:16: header lacks column 'critical'; name all of shard_id, master and"
                                + " critical")),
                arguments(
                        HEADER + "acme sjc\n",
                        List.of("map.csv:2:9: too few fields: expected 3 (shard_id master critical), found 2")),
                arguments(
                        HEADER + "acme sjc false extra\n",
                        List.of("map.csv:2:16: too many fields: expected 3 (shard_id master critical), found 4;"
                                + " start a trailing comment with '#'")),
                arguments(
                        HEADER + "acme sjc false\npinnacle nyc false\nacme nyc true\n",
                        List.of("map.csv:4:1: shard 'acme' is defined on lines 2 and 4; a shard has one home,"
                                + " keep one line")),
                arguments(
                        HEADER + "acme sjc yes\n",
                        List.of("map.csv:2:10: bad critical value 'yes'; use true or false")),
                arguments(
                        HEADER + "acme-corp sjc false\n",
                        List.of("map.csv:2:1: shard id 'acme-corp' has character '-' at position 5; use only"
                                + " letters, digits, '$' and '_' (MySQL unquoted schema names)")),
                arguments(
                        HEADER + "1234 sjc false\n",
                        List.of("map.csv:2:1: shard id '1234' consists of digits only; MySQL needs a letter, '$'"
                                + " or '_'")),
                arguments(
                        HEADER + "acme SJC false\n",
                        List.of("map.csv:2:6: master site name 'SJC' is invalid; use 1 to 32 of [a-z0-9_-]")),
                arguments(
                        HEADER + "acme #REMOTE false\n",
                        List.of("map.csv:2:6: master '#REMOTE' is invalid; the only special master is #LOCAL")),
                arguments(
                        "# version: seven\n" + HEADER,
                        List.of("map.csv:1:12: bad version 'seven'; use a whole number from 0")),
                arguments(
                        "# version: 3\n" + HEADER + "#version:4\n",
                        List.of("map.csv:3:1: version is given twice (first on line 1); keep one version line")),
                arguments(
                        "critical, shard_id, master\ntrue, ledger, NYC\nyes, acme, sjc\n",
                        List.of(
                                "map.csv:2:15: master site name 'NYC' is invalid; use 1 to 32 of [a-z0-9_-]",
                                "map.csv:3:1: bad critical value 'yes'; use true or false")),
                arguments(
                        "\uFEFFshard_id master critical\r\nacme sjc maybe\r\n",
                        List.of("map.csv:2:10: bad critical value 'maybe'; use true or false")),
                arguments(
                        HEADER + "acme sjc yes\n# comment\npinnacle nyc\nacme nyc false\nbad-id NYC maybe\n",
                        List.of(
                                "map.csv:2:10: bad critical value 'yes'; use true or false",
                                "map.csv:4:13: too few fields: expected 3 (shard_id master critical), found 2",
                                "map.csv:5:1: shard 'acme' is defined on lines 2 and 5; a shard has one home, keep"
                                        + " one line",
                                "map.csv:6:1: shard id 'bad-id' has character '-' at position 4; use only letters,"
                                        + " digits, '$' and '_' (MySQL unquoted schema names)",
                                "map.csv:6:8: master site name 'NYC' is invalid; use 1 to 32 of [a-z0-9_-]",
                                "map.csv:6:12: bad critical value 'maybe'; use true or false")));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("malformedMaps")
    void reportsEveryErrorWithLineAndColumnAndNoMap(String csv, List<String> expected) {
        ShardMapParseResult result = ShardMapCsv.parse("map.csv", csv);

        assertThat(result.isValid()).isFalse();
        assertThat(result.mapIfValid()).isEmpty();
        assertThat(result.errorReport().lines()).containsExactlyElementsOf(expected);
    }

    @Test
    void invalidMapThrowsMalformedCsvListingEveryErrorWithStructuredErrors() {
        ShardMapParseResult result = ShardMapCsv.parse("map.csv", HEADER + "acme sjc yes\nacme nyc\n");

        assertThatThrownBy(result::map)
                .isInstanceOfSatisfying(ShardMapCsvException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.MALFORMED_CSV);
                    assertThat(e.errors())
                            .containsExactly(
                                    new CsvError(2, 10, "bad critical value 'yes'; use true or false"),
                                    new CsvError(
                                            3, 9, "too few fields: expected 3 (shard_id master critical), found 2"));
                })
                .hasMessage("shard map map.csv has 2 errors; fix them and load the map again:\n"
                        + "map.csv:2:10: bad critical value 'yes'; use true or false\n"
                        + "map.csv:3:9: too few fields: expected 3 (shard_id master critical), found 2");
    }

    static Stream<Arguments> wellFormedMaps() {
        ShardMap seed =
                ShardMap.of(0, ShardDefinition.of("acme", "sjc", false), ShardDefinition.of("pinnacle", "nyc", false));
        return Stream.of(
                arguments("the seed article's file", HEADER + "acme         sjc     false\npinnacle nyc false\n", seed),
                arguments("header only", HEADER, ShardMap.empty()),
                arguments(
                        "BOM and CRLF",
                        "\uFEFF" + HEADER.replace("\n", "\r\n") + "acme\tsjc\tFALSE\r\n" + "pinnacle nyc False\r\n",
                        seed),
                arguments(
                        "commas and blanks",
                        "shard_id,master,critical\nacme , sjc,false\n,pinnacle,,nyc , false,\n",
                        seed),
                arguments(
                        "comments and blank lines",
                        "# seed map\n\n  # indented comment\n" + HEADER
                                + "acme sjc false # homed at sjc\n\npinnacle nyc false #moved\n",
                        seed),
                arguments(
                        "columns in another order",
                        "MASTER critical Shard_Id\nsjc false acme\nnyc false pinnacle\n",
                        seed),
                arguments(
                        "version line",
                        "# version: 42\n" + HEADER + "acme sjc false\npinnacle nyc false\n",
                        seed.withVersion(42)),
                arguments(
                        "#LOCAL is a value",
                        HEADER + "scratch #LOCAL true # never leaves its site\n" + "temp #local false\n",
                        ShardMap.of(
                                0,
                                ShardDefinition.of("scratch", "#LOCAL", true),
                                ShardDefinition.of("temp", "#LOCAL", false))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormedMaps")
    void parsesWellFormedMaps(String description, String csv, ShardMap expected) {
        ShardMapParseResult result = ShardMapCsv.parse("map.csv", csv);

        assertThat(result.errors()).isEmpty();
        assertThat(result.map()).isEqualTo(expected);
    }

    @Test
    void writesVersionHeaderAndAlignedRowsSortedByShardId() {
        ShardMap map = ShardMap.of(
                9,
                ShardDefinition.of("pinnacle", "nyc", false),
                ShardDefinition.of("acme", "sjc", true),
                ShardDefinition.of("a_very_long_shard", "#LOCAL", false));

        assertThat(ShardMapCsv.toCsv(map))
                .isEqualTo(
                        """
                        # version: 9
                        shard_id          master critical
                        a_very_long_shard #LOCAL false
                        acme              sjc    true
                        pinnacle          nyc    false
                        """);
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorNotAGarbledName() throws IOException {
        byte[] prefix = (HEADER + "acme sjc false\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[prefix.length + 14];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        System.arraycopy("caf\u00e9 nyc false\n".getBytes(StandardCharsets.ISO_8859_1), 0, bytes, prefix.length, 14);

        ShardMapParseResult result = ShardMapCsv.parse("map.csv", new ByteArrayInputStream(bytes));

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors())
                .containsExactly(new CsvError(3, 4, "byte 0xE9 is not valid UTF-8 here; save the file as UTF-8"));
    }

    @Test
    void theFirstByteThatIsNotUtf8IsNamedByLineAndColumnEvenFarIntoALargeFile() throws IOException {
        StringBuilder text = new StringBuilder("\uFEFF" + HEADER);
        for (int i = 0; i < 5_000; i++) {
            text.append("shard_").append(i).append(" nyc false\r\n");
        }
        text.append("\u00fcber sjc false\n");
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 6);
        System.arraycopy(new byte[] {'x', 'y', (byte) 0xC3, '(', ' ', '\n'}, 0, bytes, good.length, 6);

        ShardMapParseResult result = ShardMapCsv.parse("big.csv", new ByteArrayInputStream(bytes));

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(5_003);
            assertThat(error.column()).isEqualTo(3);
            assertThat(error.message()).contains("0xC3").contains("UTF-8");
        });
    }

    @Test
    void utf8NamesAndByteOrderMarkFromBytes() throws IOException {
        byte[] bytes = ("\uFEFF" + HEADER + "caf\u00e9 nyc false\n").getBytes(StandardCharsets.UTF_8);

        ShardMap map =
                ShardMapCsv.parse("map.csv", new ByteArrayInputStream(bytes)).map();

        assertThat(map).isEqualTo(ShardMap.of(0, ShardDefinition.of("caf\u00e9", "nyc", false)));
    }

    @Test
    void systemSchemasAndTheCatalogAreRefusedAsShardIdsWithTheirPosition() {
        ShardMapParseResult result =
                ShardMapCsv.parse("map.csv", HEADER + "acme sjc false\n  mysql nyc false\nshardhome #LOCAL false\n");

        assertThat(result.errors()).extracting(CsvError::line).containsExactly(3, 4);
        assertThat(result.errors().get(0).column()).isEqualTo(3);
        assertThat(result.errors().get(0).message()).contains("'mysql'").contains("system schema");
    }
}

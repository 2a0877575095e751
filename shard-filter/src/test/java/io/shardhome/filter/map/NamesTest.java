package io.shardhome.filter.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    @ParameterizedTest(name = "shard id ''{0}''")
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            textBlock =
                    """
            acme                 |
            tenant_42            |
            $money               |
            1st_tenant           |
            café                 |
            ''                   | shard id is empty
            42                   | shard id '42' consists of digits only; MySQL needs a letter, '$' or '_'
            acme-corp            | shard id 'acme-corp' has character '-' at position 5; use only letters, digits, '$' and '_' (MySQL unquoted schema names)
            a.b                  | shard id 'a.b' has character '.' at position 2; use only letters, digits, '$' and '_' (MySQL unquoted schema names)
            """)
    void validatesShardIdsAsUnquotedMySqlSchemaNames(String shardId, String problem) {
        assertThat(Names.shardIdProblem(shardId).orElse(null)).isEqualTo(problem);
    }

    @ParameterizedTest(name = "shard id of {0} characters")
    @CsvSource({"64, true", "65, false"})
    void shardIdsHaveAtMost64Characters(int length, boolean valid) {
        assertThat(Names.shardIdProblem("s".repeat(length))).matches(p -> p.isEmpty() == valid);
    }

    @ParameterizedTest(name = "site ''{0}''")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            nyc                                | true
            eu-west_1                          | true
            abcdefghijklmnopqrstuvwxyz012345   | true
            abcdefghijklmnopqrstuvwxyz0123456  | false
            NYC                                | false
            new york                           | false
            #LOCAL                             | false
            """)
    void validatesSiteNames(String site, boolean valid) {
        assertThat(Names.siteNameProblem(site).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest(name = "reserved ''{0}'': {1}")
    @CsvSource({
        "mysql, true",
        "MySQL, true",
        "information_schema, true",
        "performance_schema, true",
        "sys, true",
        "shardhome, true",
        "SHARDHOME, true",
        "mysql2, false",
        "acme, false",
        "sys_tenant, false"
    })
    void systemSchemasAndTheCatalogAreReservedInAnyCase(String shardId, boolean reserved) {
        assertThat(Names.shardIdProblem(shardId)).isEmpty();
        assertThat(Names.reservedSchemaProblem(shardId).isPresent()).isEqualTo(reserved);
    }
}

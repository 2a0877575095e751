package io.shardhome.filter.rules;

import static io.shardhome.filter.rules.RulesFixture.MAP;
import static io.shardhome.filter.rules.RulesFixture.filter;
import static io.shardhome.filter.rules.RulesFixture.orEmpty;
import static io.shardhome.filter.rules.RulesFixture.schemaSet;
import static io.shardhome.filter.rules.RulesFixture.tx;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.filter.gtid.Gtid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact FAIL texts for every way a transaction can be named, and the advice next to them. */
class DecisionMessagesTest {

    @ParameterizedTest(name = "gtid={1} position={2}: {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            superior | 0-1-42 |                       | Rejected event from unknown shard: gtid=0-1-42 shard=superior
            superior | 0-1-42 | mysql-bin.000003:1234 | Rejected event from unknown shard: gtid=0-1-42 shard=superior
            superior |        | mysql-bin.000003:1234 | Rejected event from unknown shard: position=mysql-bin.000003:1234 shard=superior
            superior |        |                       | Rejected event from unknown shard: gtid=none shard=superior
            acme     | 0-1-42 |                       | Rejected wrong-master write: gtid=0-1-42 shard=acme site=nyc home=sjc
            acme     | 0-1-42 | mysql-bin.000003:1234 | Rejected wrong-master write: gtid=0-1-42 shard=acme site=nyc home=sjc position=mysql-bin.000003:1234
            acme     |        | mysql-bin.000003:1234 | Rejected wrong-master write: position=mysql-bin.000003:1234 shard=acme site=nyc home=sjc
            acme     |        |                       | Rejected wrong-master write: gtid=none shard=acme site=nyc home=sjc
            """)
    void failMessageNamesTheTransactionByGtidElsePosition(
            String schema, String gtid, String position, String expected) {
        TransactionHeader tx = new TransactionHeader(
                schemaSet(schema), false, "nyc", gtid == null ? null : Gtid.parse(gtid), position);
        Decision decision = filter("nyc", "sjc", "error", "error").decide(MAP, tx);
        assertThat(decision.message()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} unknown={1} wrongMaster={2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            superior      | error  | error | Define shard 'superior' in the shard map (its home site, or #LOCAL to keep it at its site); a stopped link resumes by itself once the map has it.
            acme pinnacle | error  | error | Keep each transaction to one customer schema, or set unknownShardPolicy to warn, drop or accept for this link.
            acme          | error  | error | Send the writes of shard 'acme' to its home master as the shard map says, reconcile the rows written at the wrong site, then restart the link.
            superior      | warn   | error | Check the warning; the link keeps running because its policy is warn.
            pinnacle      | error  | error |
            superior      | accept | error |
            scratch       | error  | error |
            """)
    void operatorAdviceSaysWhatToDo(String schemas, String unknownShard, String wrongMaster, String expected) {
        Decision decision = filter("nyc", "sjc", unknownShard, wrongMaster).decide(MAP, tx(schemas, "nyc"));
        assertThat(decision.operatorAdvice()).isEqualTo(orEmpty(expected));
    }
}

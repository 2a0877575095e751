package io.shardhome.filter.rules;

import static io.shardhome.filter.rules.RulesFixture.MAP;
import static io.shardhome.filter.rules.RulesFixture.filter;
import static io.shardhome.filter.rules.RulesFixture.orEmpty;
import static io.shardhome.filter.rules.RulesFixture.schemaSet;
import static io.shardhome.filter.rules.RulesFixture.tx;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardhome.filter.rules.Decision.Action;
import io.shardhome.filter.rules.Decision.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rule tables of DESIGN.md, for the link nyc->sjc with the map of {@link RulesFixture}. */
class ShardFilterTest {

    @ParameterizedTest(name = "shardOf({0}) = {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            acme                          | acme
            acme shardhome                | acme
            acme mysql sys                | acme
            acme pinnacle                 | #UNKNOWN
            acme pinnacle shardhome       | #UNKNOWN
                                          | #UNKNOWN
            shardhome                     | shardhome
            shardhome mysql               | shardhome
            mysql                         | mysql
            sys performance_schema        | performance_schema
            information_schema mysql      | information_schema
            superior                      | superior
            """)
    void shardOfIsTheOneUserSchemaIgnoringSiteLocalOnes(String schemas, String expected) {
        assertThat(ShardFilter.shardOf(schemaSet(schemas))).isEqualTo(expected);
    }

    @Test
    void catalogAndEverySystemSchemaAreSiteLocalButUserSchemasAreNot() {
        assertThat(ShardFilter.SYSTEM_SCHEMAS).allMatch(ShardFilter::isSiteLocal);
        assertThat(ShardFilter.isSiteLocal(ShardFilter.CATALOG_SCHEMA)).isTrue();
        assertThat(ShardFilter.isSiteLocal("acme")).isFalse();
        assertThat(ShardFilter.isSiteLocal("MySQL")).isFalse();
    }

    @ParameterizedTest(name = "extract {0} from {1}, unknown={2} wrongMaster={3}: {4} {5}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            pinnacle           | nyc | error  | error  | APPLY | HOME_MATCH         | pinnacle  |
            ledger             | nyc | error  | error  | APPLY | HOME_MATCH         | ledger    |
            pinnacle shardhome | nyc | error  | error  | APPLY | HOME_MATCH         | pinnacle  |
            acme               | nyc | error  | error  | FAIL  | WRONG_MASTER       | acme      | Rejected wrong-master write: gtid=0-1-42 shard=acme site=nyc home=sjc
            britannia          | nyc | error  | error  | FAIL  | WRONG_MASTER       | britannia | Rejected wrong-master write: gtid=0-1-42 shard=britannia site=nyc home=lon
            acme               | nyc | error  | warn   | APPLY | WARNED_BY_POLICY   | acme      | Warning: wrong-master write (wrongMasterPolicy=warn): gtid=0-1-42 shard=acme site=nyc home=sjc
            acme               | nyc | error  | drop   | DROP  | WRONG_MASTER       | acme      | Dropped wrong-master write (wrongMasterPolicy=drop): gtid=0-1-42 shard=acme site=nyc home=sjc
            acme               | nyc | error  | accept | APPLY | ACCEPTED_BY_POLICY | acme      |
            superior           | nyc | error  | error  | FAIL  | UNKNOWN_SHARD      | superior  | Rejected event from unknown shard: gtid=0-1-42 shard=superior
            superior           | nyc | warn   | error  | APPLY | WARNED_BY_POLICY   | superior  | Warning: event from unknown shard (unknownShardPolicy=warn): gtid=0-1-42 shard=superior
            superior           | nyc | drop   | error  | DROP  | UNKNOWN_SHARD      | superior  | Dropped event from unknown shard (unknownShardPolicy=drop): gtid=0-1-42 shard=superior
            superior           | nyc | accept | error  | APPLY | ACCEPTED_BY_POLICY | superior  |
            acme pinnacle      | nyc | error  | error  | FAIL  | UNKNOWN_SHARD      | #UNKNOWN  | Rejected event from unknown shard: gtid=0-1-42 shard=#UNKNOWN schemas=[acme, pinnacle]
            acme pinnacle      | nyc | accept | error  | APPLY | ACCEPTED_BY_POLICY | #UNKNOWN  |
                               | nyc | error  | error  | FAIL  | UNKNOWN_SHARD      | #UNKNOWN  | Rejected event from unknown shard: gtid=0-1-42 shard=#UNKNOWN schemas=[]
                               | nyc | drop   | error  | DROP  | UNKNOWN_SHARD      | #UNKNOWN  | Dropped event from unknown shard (unknownShardPolicy=drop): gtid=0-1-42 shard=#UNKNOWN schemas=[]
            scratch            | nyc | error  | error  | DROP  | LOCAL_SHARD        | scratch   |
            scratch            | nyc | accept | accept | DROP  | LOCAL_SHARD        | scratch   |
            shardhome          | nyc | error  | error  | DROP  | CATALOG            | shardhome |
            shardhome mysql    | nyc | accept | accept | DROP  | CATALOG            | shardhome |
            mysql              | nyc | error  | error  | DROP  | CATALOG            | mysql     |
            pinnacle           | sjc | error  | error  | DROP  | ECHO               | pinnacle  |
            acme               | sjc | error  | error  | DROP  | ECHO               | acme      |
            acme               | lon | error  | error  | DROP  | ECHO               | acme      |
            superior           | sjc | error  | error  | DROP  | ECHO               | superior  |
            """)
    void extractorSide(
            String schemas,
            String origin,
            String unknownShard,
            String wrongMaster,
            Action action,
            Reason reason,
            String shard,
            String message) {
        Decision decision = filter("nyc", "sjc", unknownShard, wrongMaster).extract(MAP, tx(schemas, origin));
        assertThat(decision).isEqualTo(new Decision(action, shard, reason, orEmpty(message)));
    }

    @ParameterizedTest(name = "apply {0} from {1}, unknown={2}: {3} {4}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            pinnacle           | nyc | error  | APPLY | HOME_MATCH         | pinnacle  |
            ledger shardhome   | nyc | error  | APPLY | HOME_MATCH         | ledger    |
            pinnacle           | sjc | error  | DROP  | ECHO               | pinnacle  |
            pinnacle           | lon | error  | DROP  | ECHO               | pinnacle  |
            acme               | sjc | error  | DROP  | ECHO               | acme      |
            superior           | sjc | error  | DROP  | ECHO               | superior  |
            acme               | nyc | error  | DROP  | NOT_FROM_HOME      | acme      |
            britannia          | nyc | error  | DROP  | NOT_FROM_HOME      | britannia |
            scratch            | nyc | accept | DROP  | LOCAL_SHARD        | scratch   |
            shardhome          | nyc | accept | DROP  | CATALOG            | shardhome |
            performance_schema | nyc | accept | DROP  | CATALOG            | performance_schema |
            superior           | nyc | error  | FAIL  | UNKNOWN_SHARD      | superior  | Rejected event from unknown shard: gtid=0-1-42 shard=superior
            superior           | nyc | warn   | APPLY | WARNED_BY_POLICY   | superior  | Warning: event from unknown shard (unknownShardPolicy=warn): gtid=0-1-42 shard=superior
            superior           | nyc | drop   | DROP  | UNKNOWN_SHARD      | superior  | Dropped event from unknown shard (unknownShardPolicy=drop): gtid=0-1-42 shard=superior
            superior           | nyc | accept | APPLY | ACCEPTED_BY_POLICY | superior  |
            acme ledger        | nyc | error  | FAIL  | UNKNOWN_SHARD      | #UNKNOWN  | Rejected event from unknown shard: gtid=0-1-42 shard=#UNKNOWN schemas=[acme, ledger]
            acme ledger        | sjc | error  | DROP  | ECHO               | #UNKNOWN  |
            """)
    void applierSideEnforcesHome(
            String schemas,
            String origin,
            String unknownShard,
            Action action,
            Reason reason,
            String shard,
            String message) {
        Decision decision = filter("nyc", "sjc", unknownShard, "error").apply(MAP, tx(schemas, origin));
        assertThat(decision).isEqualTo(new Decision(action, shard, reason, orEmpty(message)));
    }

    @ParameterizedTest(name = "decide {0} from {1}, unknown={2} wrongMaster={3}: {4} {5}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            pinnacle  | nyc | error  | error  | APPLY | HOME_MATCH         |
            pinnacle  | sjc | error  | error  | DROP  | ECHO               |
            acme      | nyc | error  | error  | FAIL  | WRONG_MASTER       | Rejected wrong-master write: gtid=0-1-42 shard=acme site=nyc home=sjc
            acme      | nyc | error  | warn   | DROP  | NOT_FROM_HOME      | Warning: wrong-master write (wrongMasterPolicy=warn): gtid=0-1-42 shard=acme site=nyc home=sjc
            acme      | nyc | error  | drop   | DROP  | WRONG_MASTER       | Dropped wrong-master write (wrongMasterPolicy=drop): gtid=0-1-42 shard=acme site=nyc home=sjc
            acme      | nyc | error  | accept | DROP  | NOT_FROM_HOME      |
            superior  | nyc | error  | error  | FAIL  | UNKNOWN_SHARD      | Rejected event from unknown shard: gtid=0-1-42 shard=superior
            superior  | nyc | warn   | error  | APPLY | WARNED_BY_POLICY   | Warning: event from unknown shard (unknownShardPolicy=warn): gtid=0-1-42 shard=superior
            superior  | nyc | drop   | error  | DROP  | UNKNOWN_SHARD      | Dropped event from unknown shard (unknownShardPolicy=drop): gtid=0-1-42 shard=superior
            superior  | nyc | accept | error  | APPLY | ACCEPTED_BY_POLICY |
            superior  | sjc | accept | accept | DROP  | ECHO               |
            scratch   | nyc | accept | accept | DROP  | LOCAL_SHARD        |
            shardhome | nyc | accept | accept | DROP  | CATALOG            |
            """)
    void decideIsExtractThenApply(
            String schemas,
            String origin,
            String unknownShard,
            String wrongMaster,
            Action action,
            Reason reason,
            String message) {
        Decision decision = filter("nyc", "sjc", unknownShard, wrongMaster).decide(MAP, tx(schemas, origin));
        assertThat(decision).isEqualTo(new Decision(action, schemas, reason, orEmpty(message)));
    }
}

package io.shardhome.links.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@RequiresSiteMasters
class MariaDbSitesIT {
    @Test
    void sitesAreDistinctMastersWithRowBinlogAndGtidsOfTheirOwn() {
        MariaDbSite nyc = MariaDbSites.get("nyc");
        MariaDbSite sjc = MariaDbSites.get("sjc");
        assertThat(MariaDbSites.get("nyc")).isSameAs(nyc);
        assertThat(nyc.port()).isNotEqualTo(sjc.port());
        assertThat(nyc.value("SELECT @@log_bin")).isEqualTo("1");
        assertThat(nyc.value("SELECT @@binlog_row_metadata")).isEqualTo("FULL");
        assertThat(nyc.value("SELECT @@server_id")).isEqualTo(String.valueOf(nyc.serverId()));
        assertThat(sjc.serverId()).isNotEqualTo(nyc.serverId());
        nyc.execute("CREATE DATABASE fixture_probe", "CREATE TABLE fixture_probe.t (id INT PRIMARY KEY)");
        assertThat(nyc.gtidPosition()).startsWith(nyc.gtidPrefix());
        nyc.dropUserSchemas();
        assertThat(nyc.schemaExists("fixture_probe")).isFalse();
    }
}

#!/bin/bash
# Runs once, on the first start of a MySQL site container: the service's account and the application's
# account (no global write privileges, as moves require: shardhome grants it per shard at the shard's
# home, shardhome.grants.accounts), kept out of the binlog (site-local). The service's account is
# trusted by the fence (it is the one moves log in with); docs/operations.md, "Security", lists the
# privileges it needs if you do not want to give it ALL.
set -euo pipefail
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
SET sql_log_bin=0;
CREATE USER 'shardhome'@'%' IDENTIFIED BY '${SHARDHOME_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON *.* TO 'shardhome'@'%' WITH GRANT OPTION;
CREATE USER 'app'@'%' IDENTIFIED BY '${SHARDHOME_DB_PASSWORD}';
SQL

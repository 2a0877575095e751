package io.shardhome.directory.client;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The parts of {@link DataSource} a routing DataSource has no use for: per-site DataSources own them. */
abstract class RoutingDataSourceBase implements DataSource {
    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException(getClass().getSimpleName() + " does not wrap " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // routing has no log writer of its own; configure the per-site DataSources instead
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the per-site DataSources own their timeouts; configure them in the factory
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException(getClass().getSimpleName() + " uses SLF4J, not java.util.logging");
    }
}

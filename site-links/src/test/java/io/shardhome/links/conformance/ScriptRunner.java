package io.shardhome.links.conformance;

import io.shardhome.links.conformance.ConformanceScript.Step;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs the steps of a {@link ConformanceScript} on one JDBC session at a site's master, as an application
 * would: auto-commit on, the script's own {@code BEGIN}/{@code COMMIT}/{@code SET} statements in order.
 * {@code ${files}} in a statement is replaced by the directory holding the corpus' data files (for {@code
 * LOAD DATA}). Not thread-safe; close it to end the session.
 */
final class ScriptRunner implements AutoCloseable {
    private final String scriptName;
    private final Path files;
    private final Connection session;

    private ScriptRunner(String scriptName, Path files, Connection session) {
        this.scriptName = scriptName;
        this.files = files;
        this.session = session;
    }

    /**
     * A session for {@code script} at the master {@code host:port}: mysql-connector-j with LOAD DATA LOCAL
     * allowed, no statement timeout and the server's own time zone (the script sets one when it wants one).
     */
    static ScriptRunner open(String scriptName, Path files, String host, int port, String user, String password)
            throws SQLException {
        String url = "jdbc:mysql://" + host + ":" + port + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true"
                + "&allowLoadLocalInfile=true&characterEncoding=UTF-8&connectTimeout=5000&socketTimeout=0";
        return new ScriptRunner(scriptName, files, DriverManager.getConnection(url, user, password));
    }

    /**
     * Runs {@code steps} in order.
     *
     * @throws AssertionError naming the script, line and statement when a statement fails unexpectedly or
     *     a statement marked {@code -- @error N} does not fail with error N
     */
    void run(List<Step> steps) {
        for (Step step : steps) {
            run(step);
        }
    }

    private void run(Step step) {
        String sql = step.sql().replace("${files}", files.toString());
        try (Statement s = session.createStatement()) {
            s.setEscapeProcessing(false);
            s.execute(sql);
            drain(s);
        } catch (SQLException e) {
            if (e.getErrorCode() == step.expectedError() && step.expectedError() != 0) {
                return;
            }
            throw new AssertionError(
                    where(step) + " failed at the home with error " + e.getErrorCode() + " (" + e.getMessage() + ")"
                            + (step.expectedError() == 0 ? "" : "; expected error " + step.expectedError()),
                    e);
        }
        if (step.expectedError() != 0) {
            throw new AssertionError(
                    where(step) + " succeeded at the home; the script expects error " + step.expectedError());
        }
    }

    /** Reads past every result of a statement (a CALL returns several), so the session is free again. */
    private static void drain(Statement s) throws SQLException {
        while (s.getMoreResults() || s.getUpdateCount() != -1) {
            // nothing to keep: the comparison reads both sites afterwards
        }
    }

    private String where(Step step) {
        String sql = step.sql().length() > 200 ? step.sql().substring(0, 200) + "..." : step.sql();
        return "conformance script " + scriptName + " line " + step.line() + " [" + sql + "]";
    }

    @Override
    public void close() throws SQLException {
        session.close();
    }
}

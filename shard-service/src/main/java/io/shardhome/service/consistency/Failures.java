package io.shardhome.service.consistency;

import java.sql.SQLException;

/** How a failed check or re-seed is described to its operator. Pure. */
public final class Failures {
    private Failures() {}

    /** The failure in words, with the SQL error code when a master refused something. */
    public static String describe(Exception e, String linkId) {
        if (e instanceof SQLException sql) {
            return "a master of link " + linkId + " failed: "
                    + io.shardhome.links.target.SqlErrors.withoutValues(sql.getMessage())
                    + (sql.getErrorCode() == 0 ? "" : " (error " + sql.getErrorCode() + ")");
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}

package io.shardhome.service.cli;

/** A command failed in a way already explained to the operator; carries the exit code. */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }

    static CliFailure user(String message) {
        return new CliFailure(ShardhomeCli.USER_ERROR, message);
    }
}

package io.shardhome.service.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code shardhome demo} in the service jar, which carries no demo (and no MariaDB): says where the demo
 * is instead of an unknown-command error. Hidden from the usage; the demo jar replaces it.
 */
@Command(name = "demo", hidden = true, description = "The two-site demo is in shardhome-demo.jar.")
final class DemoElsewhereCommand implements Callable<Integer> {
    @Unmatched
    List<String> ignored;

    @Override
    public Integer call() {
        throw new CliFailure(
                ShardhomeCli.USER_ERROR,
                "the demo is not in this jar (the service jar carries no MariaDB): run './shardhome demo' in the"
                        + " repository, or 'java -jar demo/target/shardhome-demo.jar demo' after 'mvn -B package'");
    }
}

package io.shardhome.service.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** What the demo prints about its example application, and the example's part of {@code --check}. */
final class DemoExampleBanner {
    private DemoExampleBanner() {}

    static String render(DemoExample example) {
        String url = "http://127.0.0.1:" + example.port();
        return "  example app   " + url + "/customers/acme/notes   (notes per customer; reads use "
                + DemoExample.LOCAL_SITE + "'s copies)\n"
                + "  example log   " + example.logFile() + "\n\n"
                + "  Try:  curl -s -X POST " + url + "/customers/acme/notes -d text='first note'\n"
                + "        curl -s -X POST '" + url + "/customers/acme/traffic?seconds=20' & ./shardhome move acme"
                + " --to nyc --wait\n";
    }

    /** Writes one note for acme through the example: it must be taken at acme's home. */
    static Optional<String> check(DemoExample example, PrintWriter out) throws InterruptedException {
        String url = "http://127.0.0.1:" + example.port() + "/customers/acme/notes";
        try {
            HttpResponse<String> written = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("text=demo+check"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (written.statusCode() != 201) {
                return Optional.of("POST " + url + " answered " + written.statusCode() + ": " + written.body()
                        + "; see " + example.logFile());
            }
            out.println("check: the example application wrote a note for acme: " + written.body());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("POST " + url + " failed: " + e.getMessage() + "; see " + example.logFile());
        }
    }
}

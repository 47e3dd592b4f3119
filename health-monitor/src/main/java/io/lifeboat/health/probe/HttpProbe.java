package io.lifeboat.health.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

/**
 * Sends one request to a URL and expects a status: the configured ones, or else any 2xx or 3xx (redirects are not
 * followed, so a redirect counts as the answer it is).
 */
final class HttpProbe extends TimedProbe {

    private final URI url;
    private final String method;
    private final Set<Integer> expectedStatus;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpProbe(String name, URI url, String method, Set<Integer> expectedStatus) {
        super(name, url.toString());
        this.url = url;
        this.method = method;
        this.expectedStatus = Set.copyOf(expectedStatus);
    }

    @Override
    Outcome check(Attempt attempt) throws Exception {
        attempt.step(method);
        HttpRequest request = HttpRequest.newBuilder(url)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(attempt.timeout())
                .header("User-Agent", "lifeboat-health-monitor")
                .build();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        int status = response.statusCode();
        if (!expected(status)) {
            throw new ProbeFailure(method + " " + url + " answered status " + status + ", expected " + (expectedStatus
                    .isEmpty() ? "2xx or 3xx" : expectedStatus.stream().sorted().map(String::valueOf).toList()));
        }
        return Outcome.plain();
    }

    private boolean expected(int status) {
        return expectedStatus.isEmpty() ? status >= 200 && status < 400 : expectedStatus.contains(status);
    }
}

package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Checks {@code deploy/prometheus/lifeboat-rules.yaml} with {@code promtool check rules} and runs its unit tests
 * ({@code lifeboat-rules.test.yaml}) with {@code promtool test rules}. Fails, rather than skips, without promtool.
 */
class PrometheusRulesTest {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path RULES = HOME.resolve("deploy/prometheus/lifeboat-rules.yaml");
    private static final Path RULE_TESTS = HOME.resolve("deploy/prometheus/lifeboat-rules.test.yaml");

    @Test
    void rulesAreValid() throws Exception {
        String out = promtool("check", "rules", RULES.toString());
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void rulesPassTheirUnitTests() throws Exception {
        String out = promtool("test", "rules", RULE_TESTS.toString());
        assertThat(out).contains("SUCCESS");
    }

    private static String promtool(String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(PROMTOOL)) {
            fail(PROMTOOL + " is missing: install it with 'sudo apt-get install -y prometheus' (Debian/Ubuntu; "
                    + "'./lifeboat test' installs it), then stop the service the package starts with "
                    + "'sudo systemctl disable --now prometheus'");
        }
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("promtool " + String.join(" ", args) + " did not finish in 2 minutes:\n" + out);
        }
        assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", args), out).isZero();
        return out;
    }
}

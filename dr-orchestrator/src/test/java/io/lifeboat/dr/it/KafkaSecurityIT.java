package io.lifeboat.dr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.Topics;
import io.lifeboat.events.dr.DrCommandRefused;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.process.ServiceJar;

/**
 * The packaged orchestrator against a broker's SASL_SSL listener only (SCRAM-SHA-512, a self-signed certificate
 * trusted through a PEM file, as deploy/k8s mounts the cluster CA): with the right password, once its user exists,
 * it creates its topics, takes a command through its consumer group and answers through its transactional producer;
 * with a wrong one it stays unready and its log names the authentication failure. Neither password appears in a
 * record or the log.
 */
class KafkaSecurityIT {

    private static final String USER = "dr-orchestrator";
    private static final String LATE_USER = "dr-orchestrator-late";
    // Throw-away credentials of this test: the secret scan below looks for exactly these strings.
    private static final String PASSWORD = "kafka-security-it-pw-7f3a91";
    private static final String WRONG_PASSWORD = "kafka-security-it-wrong-c1e5d2";
    private static final EventCodec CODEC = new EventCodec();

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.startWithScram();
        broker.addScramUser(USER, PASSWORD);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void actsThroughTheScramListenerOnceItsUserExistsAndPublishesNoSecret() throws Exception {
        Map<String, String> client = broker.scram().saslSslClient(LATE_USER, PASSWORD);
        try (ServiceJar dr = ServiceJar.launch("dr-scram", "256m", port -> service(client))) {
            // The user is created after the orchestrator started, as an operator may reconcile it: it retries.
            Await.until("a refused login in the log", Duration.ofSeconds(40),
                    () -> log(dr).contains("Authentication failed"), () -> "no authentication failure in "
                            + dr.log());
            broker.addScramUser(LATE_USER, PASSWORD);
            Await.until("the orchestrator ready", Duration.ofSeconds(40),
                    () -> dr.get("/q/health/ready").statusCode() == 200, () -> "not ready; its log: " + dr.log());
            assertThat(topics(client)).as("the contract's topics, created through SASL_SSL")
                    .contains(Topics.DR_RUNS.name(), Topics.DR_COMMANDS.name(), Topics.DR_EVENTS.name());

            send(client, new StartDrill("scram-drill-1", "no-such-target", null, null, "ops:it", null, 1));

            Await.until("the drill refused", Duration.ofSeconds(30), () -> !refusals(client).isEmpty(),
                    () -> "no DrCommandRefused on " + Topics.DR_EVENTS.name() + "; the orchestrator's log: "
                            + dr.log());
            assertThat(refusals(client)).extracting(DrCommandRefused::commandId, DrCommandRefused::targetId)
                    .containsExactly(tuple("scram-drill-1", "no-such-target"));

            List<String> published = everyRecord(client);
            assertThat(published).as("every record on the broker, keys, values and headers").isNotEmpty()
                    .noneMatch(text -> text.contains(PASSWORD));
            assertThat(log(dr)).doesNotContain(PASSWORD);
        }
    }

    @Test
    void staysUnreadyWithAWrongPasswordAndLogsWhyWithoutIt() {
        Map<String, String> client = broker.scram().saslSslClient(USER, WRONG_PASSWORD);
        try (ServiceJar dr = ServiceJar.launch("dr-scram-wrong", "256m", port -> service(client))) {
            Await.until("the inbox's retry in the log", Duration.ofSeconds(40),
                    () -> log(dr).contains("the DR inbox cannot authenticate to Kafka"), () -> "no retry in "
                            + dr.log());

            assertThat(dr.get("/q/health/ready").statusCode()).as("readiness").isEqualTo(503);
            assertThat(log(dr)).contains("Authentication failed during authentication due to invalid credentials "
                    + "with SASL mechanism SCRAM-SHA-512").doesNotContain(WRONG_PASSWORD)
                    .doesNotContain(PASSWORD);
        }
    }

    /** The orchestrator's system properties: the listener's client settings under kafka., nothing else of Kafka. */
    private static Map<String, String> service(Map<String, String> client) {
        Map<String, String> properties = new LinkedHashMap<>();
        client.forEach((key, value) -> properties.put("kafka." + key, value));
        properties.put("lifeboat.dr.instance-id", "dr-scram");
        return properties;
    }

    private static Set<String> topics(Map<String, String> client) throws Exception {
        try (Admin admin = Admin.create(new HashMap<String, Object>(client))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static void send(Map<String, String> client, StartDrill command) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(new HashMap<String, Object>(client),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(CODEC.encode(Envelope.of(Envelope.sourceOf("test"), command))).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unable to publish " + command.commandId() + ": " + e.getCause(),
                    e.getCause());
        }
    }

    private static List<DrCommandRefused> refusals(Map<String, String> client) {
        return broker.readCommitted(Topics.DR_EVENTS.name(), Duration.ofSeconds(10), client).stream()
                .filter(record -> record.value() != null && record.headers().lastHeader("ce_type") != null)
                .map(record -> CODEC.decode(record).payload()).filter(DrCommandRefused.class::isInstance)
                .map(DrCommandRefused.class::cast).toList();
    }

    /** Every record of every Lifeboat topic as text: key, value and each header, read through SASL_SSL. */
    private static List<String> everyRecord(Map<String, String> client) throws Exception {
        List<String> texts = new ArrayList<>();
        for (String topic : topics(client)) {
            if (topic.startsWith("__")) {
                continue;
            }
            for (ConsumerRecord<String, byte[]> record : broker.readCommitted(topic, Duration.ofSeconds(10),
                    client)) {
                StringBuilder text = new StringBuilder(topic).append(' ').append(record.key()).append(' ');
                if (record.value() != null) {
                    text.append(new String(record.value(), StandardCharsets.UTF_8));
                }
                for (Header header : record.headers()) {
                    text.append(' ').append(header.key()).append('=')
                            .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
                }
                texts.add(text.toString());
            }
        }
        return texts;
    }

    private static String log(ServiceJar service) {
        try {
            return Files.readString(service.log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

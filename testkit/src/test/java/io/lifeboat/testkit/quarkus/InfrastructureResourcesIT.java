package io.lifeboat.testkit.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.reactivestreams.client.MongoClients;

import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.mongo.Publishers;
import io.lifeboat.testkit.s3.S3Server;

class InfrastructureResourcesIT {

    @Test
    void kafkaResourceHandsOutTheBootstrapServersOfARunningBroker() throws Exception {
        Map<String, String> config = new KafkaResource().start();

        assertThat(config).containsOnlyKeys("kafka.bootstrap.servers", "quarkus.kafka-streams.bootstrap-servers");
        assertThat(config.get("quarkus.kafka-streams.bootstrap-servers"))
                .isEqualTo(config.get("kafka.bootstrap.servers"))
                .isEqualTo(KafkaBroker.shared().bootstrapServers());
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers")))) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void s3ResourceHandsOutEndpointCredentialsRegionAndPathStyle() {
        Map<String, String> config = new S3Resource().start();
        S3Server s3 = S3Server.shared();

        assertThat(config).containsExactlyInAnyOrderEntriesOf(Map.of(
                "lifeboat.s3.endpoint", s3.endpoint().toString(),
                "lifeboat.s3.access-key", s3.accessKey(),
                "lifeboat.s3.secret-key", s3.secretKey(),
                "lifeboat.s3.region", "us-east-1",
                "lifeboat.s3.path-style", "true"));
        assertThat(config.get("lifeboat.s3.endpoint")).startsWith("http://127.0.0.1:");
    }

    @Test
    void mongoResourceHandsOutAConnectionStringThatAnswersPing() throws Exception {
        Map<String, String> config = new MongoResource().start();

        assertThat(config.get("quarkus.mongodb.connection-string"))
                .isEqualTo(config.get("lifeboat.mongo.connection-string"))
                .startsWith("mongodb://127.0.0.1:");
        try (var client = MongoClients.create(config.get("quarkus.mongodb.connection-string"))) {
            Document pong = Publishers.one(
                    client.getDatabase("admin").runCommand(new Document("ping", 1)));
            assertThat(pong.get("ok", Number.class).intValue()).isEqualTo(1);
        }
    }
}

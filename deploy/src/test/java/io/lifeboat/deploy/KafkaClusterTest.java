package io.lifeboat.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.strimzi.api.kafka.model.kafka.JbodStorage;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.PersistentClaimStorage;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;

/**
 * The Strimzi cluster runs in KRaft mode on a pool of three persistent nodes that are both controllers and brokers,
 * with a plain and a SCRAM-authenticated TLS listener, and replicates every write to two of three replicas.
 */
class KafkaClusterTest {

    private static Kafka kafka() {
        return (Kafka) StrictModels.parse(Manifests.applied("Kafka", "lifeboat"));
    }

    @Test
    void theClusterIsKraftWithNodePools() {
        assertThat(kafka().getMetadata().getAnnotations()).containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
    }

    @Test
    void thePoolHasThreePersistentNodesThatAreControllersAndBrokers() {
        List<KafkaNodePool> pools = Manifests.applied("KafkaNodePool").stream()
                .map(d -> (KafkaNodePool) StrictModels.parse(d)).toList();

        assertThat(pools).hasSize(1);
        KafkaNodePool pool = pools.get(0);
        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "lifeboat");
        assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
        assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        assertThat(pool.getSpec().getStorage()).isInstanceOf(JbodStorage.class);
        assertThat(((JbodStorage) pool.getSpec().getStorage()).getVolumes())
                .allSatisfy(volume -> assertThat(volume).isInstanceOf(PersistentClaimStorage.class));
    }

    @Test
    void listenersArePlainOn9092AndTlsWithScramOn9093() {
        Kafka kafka = kafka();
        List<GenericKafkaListener> listeners = kafka.getSpec().getKafka().getListeners();

        assertThat(listeners).extracting(GenericKafkaListener::getName, GenericKafkaListener::getPort,
                GenericKafkaListener::isTls).containsExactly(tuple("plain", 9092, false), tuple("tls", 9093, true));
        assertThat(listeners.get(1).getAuth()).isInstanceOf(KafkaListenerAuthenticationScramSha512.class);
        assertThat(kafka.getSpec().getKafka().getAuthorization()).as("ACLs enforced").isNotNull();
    }

    @Test
    void writesNeedTwoOfThreeReplicas() {
        assertThat(kafka().getSpec().getKafka().getConfig()).containsEntry("default.replication.factor", 3)
                .containsEntry("min.insync.replicas", 2).containsEntry("offsets.topic.replication.factor", 3)
                .containsEntry("transaction.state.log.replication.factor", 3)
                .containsEntry("transaction.state.log.min.isr", 2);
    }
}

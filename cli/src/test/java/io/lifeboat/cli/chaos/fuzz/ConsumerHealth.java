package io.lifeboat.cli.chaos.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.lifeboat.cli.ServiceProcess;

/**
 * Whether the services' consumers survived: each process alive and ready, no log line of a stopped consumer (a
 * SmallRye channel failed, a Kafka Streams thread in ERROR, a reader thread that gave up), and every consuming group
 * caught up with the end of its topics.
 */
final class ConsumerHealth {

    /** Log lines that mean a consumer stopped for good. */
    static final Pattern STOPPED = Pattern.compile("SRMSG18228|SRMSG00200|failure-strategy|to (PENDING_)?ERROR"
            + "|Stream-thread .* ERROR|stopped reading|Exception in thread|OutOfMemoryError");
    private static final Pattern ERROR = Pattern.compile("\\bERROR\\b");
    private static final int SHOWN_LINES = 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ConsumerHealth() {
    }

    /**
     * Checks every service.
     *
     * @param services the running services
     * @param findings where a line per problem goes
     * @return the names of the services whose consumer crashed or stopped
     */
    static List<String> crashed(List<ServiceProcess> services, List<String> findings) throws InterruptedException {
        List<String> crashed = new ArrayList<>();
        for (ServiceProcess service : services) {
            String name = service.service().name();
            List<String> problems = new ArrayList<>();
            if (!ProcessHandle.of(service.pid()).map(ProcessHandle::isAlive).orElse(false)) {
                problems.add("process " + service.pid() + " exited");
            } else if (!ready(service)) {
                problems.add("not ready at the end");
            }
            List<String> lines = logLines(service);
            lines.stream().filter(l -> STOPPED.matcher(l).find()).limit(SHOWN_LINES)
                    .forEach(l -> problems.add("log: " + shorten(l)));
            if (!problems.isEmpty()) {
                crashed.add(name);
                problems.forEach(p -> findings.add(name + " consumer crashed or stopped: " + p));
            }
            long errors = lines.stream().filter(l -> ERROR.matcher(l).find()).count();
            if (errors > 0) {
                findings.add(name + " logged " + errors + " ERROR lines, first: "
                        + shorten(lines.stream().filter(l -> ERROR.matcher(l).find()).findFirst().orElseThrow()));
            }
        }
        return crashed;
    }

    /**
     * The lag of each consuming group on each of its topics: records not yet committed.
     *
     * @param admin an admin client of the broker
     * @param topicsByGroup the topics each group consumes
     * @return group to topic to lag, only where the lag is not zero
     */
    static Map<String, Map<String, Long>> lags(Admin admin, Map<String, List<String>> topicsByGroup)
            throws Exception {
        Map<String, Map<String, Long>> lags = new HashMap<>();
        for (Map.Entry<String, List<String>> group : topicsByGroup.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : group.getValue()) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            var ends = admin.listOffsets(latest).all().get();
            for (Map.Entry<TopicPartition, OffsetSpec> partition : latest.entrySet()) {
                long end = ends.get(partition.getKey()).offset();
                OffsetAndMetadata at = committed.get(partition.getKey());
                long lag = end - (at == null ? 0 : at.offset());
                // A transactional producer's commit marker takes the last offset: a lag of one is caught up.
                if (lag > 1) {
                    lags.computeIfAbsent(group.getKey(), k -> new HashMap<>()).merge(partition.getKey().topic(),
                            lag, Long::sum);
                }
            }
        }
        return lags;
    }

    private static boolean ready(ServiceProcess service) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> logLines(ServiceProcess service) {
        try {
            // Lenient decoding: a log may quote the bytes of a malformed record.
            return new String(Files.readAllBytes(service.logFile()), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of("unable to read " + service.logFile() + ": " + e.getMessage());
        }
    }

    private static String shorten(String line) {
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }
}

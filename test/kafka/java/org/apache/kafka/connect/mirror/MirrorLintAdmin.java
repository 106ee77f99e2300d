// The mm2 layer's hands on the brokers: create topics, write records, list topics, read end offsets.
package org.apache.kafka.connect.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One JSON line in, one out:
 * {"id", "op": "create", "bootstrap", "topics": [...]}            → {"ok": true}
 * {"id", "op": "produce", "bootstrap", "topic", "count"}          → {"ok": true}
 * {"id", "op": "list", "bootstrap"}                               → {"topics": [...]} (internal ones included)
 * {"id", "op": "endOffsets", "bootstrap", "topics": [...]}        → {"offsets": {topic: sum}}
 * {"id", "op": "deleteAll", "bootstrap"}                          → {"ok": true} (every topic but Kafka's own)
 * Every call is bounded (10 s); a failure is an answer with "error", never a hang.
 */
public final class MirrorLintAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Admin> ADMINS = new HashMap<>();

    private MirrorLintAdmin() { }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            JsonNode request = JSON.readTree(line);
            ObjectNode answer = JSON.createObjectNode();
            try {
                handle(request, answer);
            } catch (Throwable t) {
                answer.put("error", t.toString());
            }
            answer.set("id", request.get("id"));
            out.println(JSON.writeValueAsString(answer));
            out.flush();
        }
        for (Admin admin : ADMINS.values()) admin.close();
    }

    private static Admin admin(String bootstrap) {
        return ADMINS.computeIfAbsent(bootstrap, b -> {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, b);
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
            return Admin.create(props);
        });
    }

    private static void handle(JsonNode request, ObjectNode answer) throws Exception {
        String bootstrap = request.get("bootstrap").asText();
        switch (request.get("op").asText()) {
            case "create": {
                List<NewTopic> topics = new ArrayList<>();
                for (JsonNode topic : request.get("topics")) topics.add(new NewTopic(topic.asText(), 1, (short) 1));
                try {
                    admin(bootstrap).createTopics(topics).all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
                answer.put("ok", true);
                break;
            }
            case "produce": {
                Properties props = new Properties();
                props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
                props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
                props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                    String topic = request.get("topic").asText();
                    for (int i = 0; i < request.get("count").asInt(); i++) producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i)).get(10, TimeUnit.SECONDS);
                }
                answer.put("ok", true);
                break;
            }
            case "list": {
                TreeSet<String> names = new TreeSet<>(admin(bootstrap).listTopics(new ListTopicsOptions().listInternal(true)).names().get(10, TimeUnit.SECONDS));
                ArrayNode topics = answer.putArray("topics");
                names.forEach(topics::add);
                break;
            }
            case "endOffsets": {
                List<String> names = new ArrayList<>();
                for (JsonNode topic : request.get("topics")) names.add(topic.asText());
                Map<String, TopicDescription> descriptions = admin(bootstrap).describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
                descriptions.forEach((name, d) -> d.partitions().forEach(p -> wanted.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                ObjectNode offsets = answer.putObject("offsets");
                admin(bootstrap).listOffsets(wanted).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> {
                    long previous = offsets.has(tp.topic()) ? offsets.get(tp.topic()).asLong() : 0L;
                    offsets.put(tp.topic(), previous + info.offset());
                });
                break;
            }
            case "deleteAll": {
                Admin admin = admin(bootstrap);
                List<String> names = new ArrayList<>();
                for (String name : admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(10, TimeUnit.SECONDS)) {
                    if (!name.equals("__consumer_offsets") && !name.equals("__transaction_state")) names.add(name);
                }
                if (!names.isEmpty()) admin.deleteTopics(names).all().get(10, TimeUnit.SECONDS);
                answer.put("ok", true);
                break;
            }
            default:
                throw new IllegalArgumentException("unknown op " + request.get("op"));
        }
    }
}

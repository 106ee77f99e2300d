// In MM2's own package, so that the package-private paths MirrorMaker takes are called as they are.
package org.apache.kafka.connect.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.common.config.ConfigValue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Answers MirrorLint's questions with Kafka's own classes, one JSON line in, one JSON line out.
 *
 * regex:  {"id", "value", "topics": [...]} — DefaultTopicFilter configured with `topics = value`
 *         (ConfigDef LIST parsing, MirrorUtils.compilePatternList: items joined with `|`,
 *         Pattern.matcher(topic).matches()): does it compile, and which topics match.
 * config: {"id", "text", "topics": {alias: [...]}} — the text loaded by java.util.Properties as
 *         MirrorMaker loads it, MirrorMakerConfig.clusterPairs, connectorBaseConfig per pair,
 *         each Mirror connector's validate() and config, and MirrorSourceConnector.shouldReplicateTopic
 *         with the policy's remote name for each topic of the source cluster.
 * catalog: {"id"} — every property the Mirror connectors' ConfigDefs and MirrorMakerConfig's define,
 *         with its type and default as ConfigDef prints it, for comparison with MirrorLint's catalog.
 */
public final class MirrorLintOracle {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A regex that backtracks for longer than this many character reads is given up on. */
    private static final long MATCH_BUDGET = 2_000_000L;

    private MirrorLintOracle() { }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "regex";
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) continue;
            JsonNode request = JSON.readTree(line);
            ObjectNode answer;
            try {
                answer = "config".equals(mode) ? config(request) : "catalog".equals(mode) ? catalog() : regex(request);
            } catch (Throwable t) {
                answer = JSON.createObjectNode();
                answer.put("harnessError", t.toString());
            }
            answer.set("id", request.get("id"));
            out.println(JSON.writeValueAsString(answer));
            out.flush();
        }
    }

    /** A CharSequence that stops a runaway backtracking match. */
    private static final class Budgeted implements CharSequence {
        private final String text;
        private final long[] left;

        Budgeted(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override public int length() { return text.length(); }
        @Override public char charAt(int index) {
            if (--left[0] < 0) throw new IllegalStateException("match budget exhausted");
            return text.charAt(index);
        }
        @Override public CharSequence subSequence(int start, int end) { return new Budgeted(text.substring(start, end), left); }
        @Override public String toString() { return text; }
    }

    private static ObjectNode regex(JsonNode request) {
        ObjectNode answer = JSON.createObjectNode();
        DefaultTopicFilter.TopicFilterConfig config;
        java.util.regex.Pattern include;
        try {
            Map<String, String> props = new HashMap<>();
            props.put("topics", request.get("value").asText());
            props.put("topics.exclude", "");
            config = new DefaultTopicFilter.TopicFilterConfig(props);
            include = config.includePattern();
        } catch (Throwable t) {
            answer.put("ok", false);
            answer.put("error", t.getClass().getSimpleName() + ": " + firstLine(t.getMessage()));
            return answer;
        }
        answer.put("ok", true);
        ArrayNode matches = answer.putArray("matches");
        for (JsonNode topic : request.get("topics")) {
            if (include == null) {
                matches.add(false);
                continue;
            }
            try {
                matches.add(include.matcher(new Budgeted(topic.asText(), new long[] { MATCH_BUDGET })).matches());
            } catch (IllegalStateException | StackOverflowError gaveUp) {
                matches.addNull();
            }
        }
        return answer;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.split("\n")[0];
    }

    private static List<String> errorsOf(org.apache.kafka.common.config.Config validated) {
        List<String> errors = new ArrayList<>();
        for (ConfigValue value : validated.configValues()) {
            for (String message : value.errorMessages()) errors.add(value.name() + ": " + firstLine(message));
        }
        return errors;
    }

    private static ObjectNode config(JsonNode request) throws Exception {
        ObjectNode answer = JSON.createObjectNode();
        Properties properties = new Properties();
        properties.load(new StringReader(request.get("text").asText()));
        Map<String, String> props = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) props.put(name, properties.getProperty(name));
        // MirrorMakerConfig scans the classpath for plugins on every construction (about a second);
        // reading ServiceLoader manifests finds the same plugins. No generated file sets this key.
        props.putIfAbsent("plugin.discovery", "service_load");

        MirrorMakerConfig mm;
        try {
            mm = new MirrorMakerConfig(props);
            mm.clusters();
        } catch (Throwable t) {
            answer.put("configError", t.getClass().getSimpleName() + ": " + firstLine(t.getMessage()));
            return answer;
        }
        List<SourceAndTarget> pairs = mm.clusterPairs();
        if (pairs.isEmpty()) {
            // MirrorMaker's constructor, when the node runs every cluster (the default).
            answer.put("configError", "IllegalArgumentException: No source->target replication flows.");
            return answer;
        }
        ArrayNode flows = answer.putArray("flows");
        for (SourceAndTarget pair : pairs) {
            ObjectNode flow = flows.addObject();
            flow.put("source", pair.source());
            flow.put("target", pair.target());
            Map<String, String> sourceProps = mm.connectorBaseConfig(pair, MirrorSourceConnector.class);
            Map<String, String> checkpointProps = mm.connectorBaseConfig(pair, MirrorCheckpointConnector.class);
            Map<String, String> heartbeatProps = mm.connectorBaseConfig(pair, MirrorHeartbeatConnector.class);
            ArrayNode errors = flow.putArray("errors");
            for (String e : errorsOf(new MirrorSourceConnector().validate(sourceProps))) errors.add("source " + e);
            for (String e : errorsOf(new MirrorCheckpointConnector().validate(checkpointProps))) errors.add("checkpoint " + e);
            for (String e : errorsOf(new MirrorHeartbeatConnector().validate(heartbeatProps))) errors.add("heartbeat " + e);
            MirrorSourceConfig config;
            try {
                config = new MirrorSourceConfig(sourceProps);
            } catch (Throwable t) {
                errors.add("source config: " + t.getClass().getSimpleName() + ": " + firstLine(t.getMessage()));
                continue;
            }
            flow.put("enabled", config.enabled());
            ObjectNode settings = flow.putObject("settings");
            for (String key : new String[] { "topics", "topics.exclude", "replication.policy.class", "replication.policy.separator", "emit.heartbeats.enabled", "sync.group.offsets.enabled" }) {
                if (sourceProps.containsKey(key)) settings.put(key, sourceProps.get(key));
            }
            // The connectors' start(): a disabled connector returns before building its filters.
            try {
                MirrorCheckpointConfig checkpoint = new MirrorCheckpointConfig(checkpointProps);
                if (checkpoint.enabled()) {
                    checkpoint.topicFilter();
                    checkpoint.groupFilter();
                }
            } catch (Throwable t) {
                errors.add("checkpoint start: " + t.getClass().getSimpleName() + ": " + firstLine(t.getMessage()));
            }
            if (!config.enabled()) continue;
            ReplicationPolicy policy;
            TopicFilter filter;
            try {
                policy = config.replicationPolicy();
                filter = config.topicFilter();
                config.configPropertyFilter();
            } catch (Throwable t) {
                errors.add("source start: " + t.getClass().getSimpleName() + ": " + firstLine(t.getMessage()));
                continue;
            }
            // MirrorSourceConnector.start: the connector's own aliases, which a top-level
            // `source.cluster.alias` overrides (connectorBaseConfig only puts them if absent).
            SourceAndTarget configured = new SourceAndTarget(config.sourceClusterAlias(), config.targetClusterAlias());
            MirrorSourceConnector connector = connector(configured, policy, filter, config);
            ObjectNode replicated = flow.putObject("replicated");
            JsonNode topics = request.path("topics").path(pair.source());
            for (JsonNode topic : topics) {
                String name = topic.asText();
                try {
                    boolean replicates = connector.shouldReplicateTopic(name);
                    if (replicates) replicated.put(name, policy.formatRemoteTopic(configured.source(), name));
                    else replicated.putNull(name);
                } catch (IllegalStateException | StackOverflowError gaveUp) {
                    replicated.put(name, "?");
                }
            }
        }
        return answer;
    }

    private static ObjectNode catalog() throws Exception {
        ObjectNode answer = JSON.createObjectNode();
        // The default filters read the connector's config too (use.defaults.from is only theirs).
        ArrayNode source = answer.putArray("source");
        putDef(source, MirrorSourceConfig.CONNECTOR_CONFIG_DEF);
        putDef(source, DefaultConfigPropertyFilter.ConfigPropertyFilterConfig.DEF);
        putDef(source, DefaultTopicFilter.TopicFilterConfig.DEF);
        ArrayNode checkpoint = answer.putArray("checkpoint");
        putDef(checkpoint, MirrorCheckpointConfig.CONNECTOR_CONFIG_DEF);
        putDef(checkpoint, DefaultGroupFilter.GroupFilterConfig.DEF);
        putDef(answer.putArray("heartbeat"), MirrorHeartbeatConfig.CONNECTOR_CONFIG_DEF);
        Method config = MirrorMakerConfig.class.getDeclaredMethod("config");
        config.setAccessible(true);
        putDef(answer.putArray("mirrorMaker"), (org.apache.kafka.common.config.ConfigDef) config.invoke(null));
        // What reaches MM2's clients from `<alias>.` (MirrorClientConfig), what its dedicated Connect
        // workers read (DistributedConfig), and what Connect adds for source connectors.
        putDef(answer.putArray("client"), MirrorClientConfig.CLIENT_CONFIG_DEF);
        Class<?> crypto = Class.forName("org.apache.kafka.connect.runtime.distributed.Crypto");
        Method worker = org.apache.kafka.connect.runtime.distributed.DistributedConfig.class.getDeclaredMethod("config", crypto);
        worker.setAccessible(true);
        putDef(answer.putArray("worker"), (org.apache.kafka.common.config.ConfigDef) worker.invoke(null, crypto.getField("SYSTEM").get(null)));
        putDef(answer.putArray("sourceConnector"), org.apache.kafka.connect.runtime.SourceConnectorConfig.configDef());
        return answer;
    }

    private static void putDef(ArrayNode out, org.apache.kafka.common.config.ConfigDef def) {
        for (org.apache.kafka.common.config.ConfigDef.ConfigKey key : def.configKeys().values()) {
            ObjectNode entry = out.addObject();
            entry.put("name", key.name);
            entry.put("type", key.type.name());
            if (key.hasDefault()) {
                if (key.defaultValue == null) entry.putNull("default");
                else entry.put("default", org.apache.kafka.common.config.ConfigDef.convertToString(key.defaultValue, key.type));
            }
            if (key.validator != null) entry.put("validator", key.validator.toString());
        }
    }

    /** MirrorSourceConnector's test constructor; 4.x adds whether heartbeats are replicated. */
    private static MirrorSourceConnector connector(SourceAndTarget pair, ReplicationPolicy policy, TopicFilter filter, MirrorSourceConfig config) throws Exception {
        for (Constructor<?> constructor : MirrorSourceConnector.class.getDeclaredConstructors()) {
            Class<?>[] types = constructor.getParameterTypes();
            if (types.length == 5 && types[0] == SourceAndTarget.class && types[4] == boolean.class) {
                constructor.setAccessible(true);
                Method enabled = MirrorSourceConfig.class.getDeclaredMethod("heartbeatsReplicationEnabled");
                enabled.setAccessible(true);
                return (MirrorSourceConnector) constructor.newInstance(pair, policy, filter, config.configPropertyFilter(), enabled.invoke(config));
            }
        }
        Constructor<MirrorSourceConnector> constructor = MirrorSourceConnector.class.getDeclaredConstructor(SourceAndTarget.class, ReplicationPolicy.class, TopicFilter.class, ConfigPropertyFilter.class);
        constructor.setAccessible(true);
        return constructor.newInstance(pair, policy, filter, config.configPropertyFilter());
    }
}

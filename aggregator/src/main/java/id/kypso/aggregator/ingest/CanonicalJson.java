package id.kypso.aggregator.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kypso.core.sync.RequestSignature;
import id.kypso.core.sync.SyncRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A record's content in one canonical JSON form (object keys sorted at every level), hashed to
 * tell a retried record (same id, same content) from a conflicting one (same id, other content)
 * however the kiosk's JSON library ordered the keys.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String sha256(SyncRecord record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("createdAt", record.createdAt().toString());
        node.put("id", record.id().toString());
        node.set("payload", sorted(record.payload()));
        node.put("sequence", record.sequence());
        node.put("type", record.type());
        return RequestSignature.sha256Hex(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode sorted(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                copy.set(name, sorted(node.get(name)));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}

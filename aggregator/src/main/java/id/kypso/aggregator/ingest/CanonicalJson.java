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

    /** A record's payload in canonical form and the SHA-256 of the whole record. */
    record Canonical(String payload, String sha256) {
    }

    static Canonical of(SyncRecord record) {
        String payload = sorted(record.payload()).toString();
        // The envelope fields are written in sorted key order around the canonical payload.
        String whole = "{\"createdAt\":\"" + record.createdAt() + "\",\"id\":\"" + record.id()
                + "\",\"payload\":" + payload + ",\"sequence\":" + record.sequence()
                + ",\"type\":" + JsonNodeFactory.instance.textNode(record.type()) + "}";
        return new Canonical(payload,
                RequestSignature.sha256Hex(whole.getBytes(StandardCharsets.UTF_8)));
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

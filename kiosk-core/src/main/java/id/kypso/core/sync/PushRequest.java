package id.kypso.core.sync;

import java.util.List;

/** The body of {@code POST /api/v1/records}. */
public record PushRequest(String kioskId, List<SyncRecord> records) {
}

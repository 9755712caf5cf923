package io.precis.app.summarize;

import java.time.Instant;
import java.util.UUID;

public record SummaryListItem(UUID id, String title, String summary, String strategy, Instant createdAt) {
    static SummaryListItem of(SummaryRecord r) {
        return new SummaryListItem(r.id(), r.title(), r.summary(), r.strategy(), r.createdAt());
    }
}

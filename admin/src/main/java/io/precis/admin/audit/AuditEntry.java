package io.precis.admin.audit;

import java.time.Instant;

/** One admin action: who did what to which target, and the target before and after (masked JSON). */
public record AuditEntry(long id, String actor, String action, String target, String before, String after, Instant at) {
}

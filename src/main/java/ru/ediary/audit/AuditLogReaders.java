package ru.ediary.audit;

import java.util.UUID;

/**
 * Who may read a child's audit log. The answer belongs to the access rules, so access implements this and audit
 * stays a leaf every feature may write to (no audit -> access dependency).
 */
public interface AuditLogReaders {

    /** Whether the account may read the child's audit log. Called inside the reading transaction. */
    boolean mayRead(UUID accountId, UUID studentId);
}

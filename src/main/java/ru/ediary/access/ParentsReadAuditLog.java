package ru.ediary.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import ru.ediary.audit.AuditLogReaders;

/** A child's audit log is for the child's parents (direct access as PARENT) only. */
@ApplicationScoped
class ParentsReadAuditLog implements AuditLogReaders {

    private final DirectAccessService direct;

    ParentsReadAuditLog(DirectAccessService direct) {
        this.direct = direct;
    }

    @Override
    public boolean mayRead(UUID accountId, UUID studentId) {
        return direct.isParentOf(accountId, studentId);
    }
}

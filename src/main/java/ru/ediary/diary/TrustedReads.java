package ru.ediary.diary;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import ru.ediary.access.DirectAccessService;
import ru.ediary.trust.TrustedAccessService;

/**
 * Audits a trusted person's reads of children's marks and homework. Several fields of one response read the
 * same children, so the lookups and the audit happen once per request, not once per field.
 */
@RequestScoped
public class TrustedReads {

    private final DirectAccessService direct;
    private final TrustedAccessService trusted;
    private final DiaryReaders readers;
    private Set<UUID> seenOnlyAsTrusted;
    private final Set<UUID> audited = new HashSet<>();

    TrustedReads(DirectAccessService direct, TrustedAccessService trusted,
            DiaryReaders readers) {
        this.direct = direct;
        this.trusted = trusted;
        this.readers = readers;
    }

    /** Call inside a transaction. */
    void audit(UUID me, List<UUID> children) throws ru.ediary.api.ApiException {
        if (seenOnlyAsTrusted == null) {
            seenOnlyAsTrusted = trusted.activeGrants(me).stream().map(t -> t.student.id).collect(Collectors.toSet());
            if (!seenOnlyAsTrusted.isEmpty()) {
                direct.directChildren(me).forEach(d -> seenOnlyAsTrusted.remove(d.student().id));
            }
        }
        for (UUID child : children) {
            if (seenOnlyAsTrusted.contains(child) && audited.add(child)) {
                readers.auditRead(me, child);
            }
        }
    }
}

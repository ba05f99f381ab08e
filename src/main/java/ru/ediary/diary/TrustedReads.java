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
 * same children, so the audit happens once per request and child, not once per field.
 */
@RequestScoped
public class TrustedReads {

    private final DirectAccessService direct;
    private final TrustedAccessService trusted;
    private final DiaryReaders readers;
    private Set<UUID> seenOnlyAsTrusted;
    private final Set<UUID> audited = new HashSet<>();

    TrustedReads(DirectAccessService direct, TrustedAccessService trusted, DiaryReaders readers) {
        this.direct = direct;
        this.trusted = trusted;
        this.readers = readers;
    }

    /**
     * Audits the reads of {@code trusted} (children the caller reads as a trusted person) and of those of
     * {@code unknown} the caller sees only as a trusted person (looked up once per request). Call inside a transaction.
     */
    void audit(UUID me, List<UUID> trustedChildren, List<UUID> unknown) {
        Set<UUID> audit = new HashSet<>(trustedChildren);
        if (!unknown.isEmpty()) {
            if (seenOnlyAsTrusted == null) {
                seenOnlyAsTrusted = trusted.activeGrants(me).stream().map(t -> t.student.id).collect(Collectors.toSet());
                if (!seenOnlyAsTrusted.isEmpty()) {
                    direct.directChildren(me).forEach(d -> seenOnlyAsTrusted.remove(d.id()));
                }
            }
            unknown.stream().filter(seenOnlyAsTrusted::contains).forEach(audit::add);
        }
        for (UUID child : audit) {
            if (audited.add(child)) {
                readers.auditRead(me, child);
            }
        }
    }
}

package ru.ediary.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import ru.ediary.access.DirectAccessService.DirectChild;
import ru.ediary.account.AccountService;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiException;
import ru.ediary.api.Ids;
import ru.ediary.api.NotFoundException;
import ru.ediary.api.Tx;
import ru.ediary.school.Student;
import ru.ediary.school.StudentRepository;
import ru.ediary.trust.InvitationService;
import ru.ediary.trust.TrustedAccess;
import ru.ediary.trust.TrustedAccessService;

/** Answers "which children may the caller see, and why" for the access queries. */
@ApplicationScoped
public class AccessService {

    private final Caller caller;
    private final AccountService accounts;
    private final DirectAccessService direct;
    private final ChildReaders readers;
    private final StudentRepository students;
    private final TrustedAccessService trusted;
    private final InvitationService invitations;
    private final PendingContacts pending;

    AccessService(Caller caller, AccountService accounts, DirectAccessService direct, ChildReaders readers,
            StudentRepository students, TrustedAccessService trusted, InvitationService invitations,
            PendingContacts pending) {
        this.pending = pending;
        this.trusted = trusted;
        this.invitations = invitations;
        this.caller = caller;
        this.accounts = accounts;
        this.direct = direct;
        this.readers = readers;
        this.students = students;
    }

    public DiaryAccessView diaryAccess() throws ApiException {
        UUID accountId = caller.accountId();
        return Tx.inNew(() -> {
            var account = accounts.find(accountId);
            List<ChildAccessView> children = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            for (DirectChild d : direct.directChildren(account)) {
                seen.add(d.student().id);
                children.add(new ChildAccessView(ChildView.of(d.student()), d.capacity(), null));
            }
            for (TrustedAccess grant : trusted.activeGrants(accountId)) {
                if (seen.add(grant.student.id)) {
                    children.add(new ChildAccessView(ChildView.of(grant.student), AccessCapacity.TRUSTED_PERSON,
                            grant.id.toString()));
                }
            }
            return new DiaryAccessView(children, children.isEmpty() ? NextSteps.forProfile(account, pending.of(accountId)) : List.of(),
                    invitations.awaitingActivation(accountId));
        });
    }

    /** Children the caller sees as a parent. */
    public List<ChildView> myChildren() throws ApiException {
        UUID accountId = caller.accountId();
        return Tx.inNew(() -> direct.directChildren(accountId).stream()
                .filter(d -> d.capacity() == AccessCapacity.PARENT)
                .map(d -> ChildView.of(d.student())).toList());
    }

    /**
     * One child, for whoever may see it ({@link ChildReaders}: the student, a parent with direct access, a trusted
     * person with an ACTIVE grant, the class teacher or the school's system; a withdrawn student nobody). Everyone
     * else gets NOT_FOUND, as for an id that does not exist.
     */
    public ChildView child(String id) throws ApiException {
        UUID childId = Ids.parse(id);
        caller.requireAuthenticated();
        UUID accountId = caller.isSchoolSystem() ? null : caller.accountId();
        return Tx.inNew(() -> {
            Student student = students.findWithClass(childId).orElseThrow(NotFoundException::new);
            readers.reader(accountId, student).orElseThrow(NotFoundException::new);
            return ChildView.of(student);
        });
    }
}

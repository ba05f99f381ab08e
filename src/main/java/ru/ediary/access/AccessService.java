package ru.ediary.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import ru.ediary.access.DirectAccessService.DirectChild;
import ru.ediary.account.Account;
import ru.ediary.account.AccountService;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiException;
import ru.ediary.api.Ids;
import ru.ediary.api.NotFoundException;
import ru.ediary.api.Tx;
import ru.ediary.school.StaffAccess;
import ru.ediary.school.Student;
import ru.ediary.school.StudentRepository;
import ru.ediary.trust.InvitationService;
import ru.ediary.trust.TrustedAccess;
import ru.ediary.trust.TrustedAccessService;
import ru.ediary.trust.TrustedAccessStatus;
import ru.ediary.trust.TrustedPersonState;
import ru.ediary.trust.TrustedPersonState.LiveGrant;

/** Answers "which children may the caller see, and why" for the access queries. */
@ApplicationScoped
public class AccessService {

    private final Caller caller;
    private final AccountService accounts;
    private final DirectAccessService direct;
    private final StaffAccess staff;
    private final StudentRepository students;
    private final TrustedAccessService trusted;
    private final InvitationService invitations;
    private final TrustedPersonState trustedPersons;

    AccessService(Caller caller, AccountService accounts, DirectAccessService direct, StaffAccess staff,
            StudentRepository students, TrustedAccessService trusted, InvitationService invitations,
            TrustedPersonState trustedPersons) {
        this.trustedPersons = trustedPersons;
        this.trusted = trusted;
        this.invitations = invitations;
        this.caller = caller;
        this.accounts = accounts;
        this.direct = direct;
        this.staff = staff;
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
            List<LiveGrant> grants = trustedPersons.liveGrants(accountId);
            for (LiveGrant live : grants) {
                TrustedAccess grant = live.grant();
                if (live.status() == TrustedAccessStatus.ACTIVE && seen.add(grant.student.id)) {
                    children.add(new ChildAccessView(ChildView.of(grant.student), AccessCapacity.TRUSTED_PERSON,
                            grant.id.toString()));
                }
            }
            return new DiaryAccessView(children, children.isEmpty() ? nextSteps(account, grants) : List.of(),
                    invitations.awaitingActivation(accountId), grants.stream().map(LiveGrant::view).toList());
        });
    }

    /**
     * A trusted person (one with grants or invitations) is told what happened to their access; advice about the
     * profile and the class teacher is for people seeking direct access.
     */
    private List<NextStep> nextSteps(Account account, List<LiveGrant> grants) {
        var outcomes = trustedPersons.outcomes(account.id, grants);
        return outcomes.isEmpty() ? NextSteps.forProfile(account) : NextSteps.forTrustedPerson(outcomes);
    }

    /** Children the caller sees as a parent. */
    public List<ChildView> myChildren() throws ApiException {
        UUID accountId = caller.accountId();
        return Tx.inNew(() -> direct.directChildren(accounts.find(accountId)).stream()
                .filter(d -> d.capacity() == AccessCapacity.PARENT)
                .map(d -> ChildView.of(d.student())).toList());
    }

    /**
     * One child, for whoever may see it: the student, a parent with direct access, a trusted person with an
     * ACTIVE grant, the class teacher or the school's system. Everyone else gets NOT_FOUND, as for an id that does not exist.
     */
    public ChildView child(String id) throws ApiException {
        UUID childId = Ids.parse(id);
        caller.requireAuthenticated();
        UUID accountId = caller.isSchoolSystem() ? null : caller.accountId();
        return Tx.inNew(() -> {
            Student student = students.findWithClass(childId).orElseThrow(NotFoundException::new);
            if (accountId != null) {
                boolean seenDirectly = direct.directChildren(accounts.find(accountId)).stream()
                        .map(DirectChild::student).anyMatch(s -> s.id.equals(childId));
                if (seenDirectly) {
                    return ChildView.of(student);
                }
            }
            if (accountId != null && trusted.hasActiveGrant(accountId, childId)) {
                return ChildView.of(student);
            }
            var scope = staff.find();
            if (scope.isPresent() && scope.get().covers(student)) {
                return ChildView.of(student);
            }
            throw new NotFoundException();
        });
    }
}

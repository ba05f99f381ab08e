package ru.ediary.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import ru.ediary.access.ChildReaders.Reader;
import ru.ediary.access.DirectAccessService.DirectChild;
import ru.ediary.account.Account;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiException;
import ru.ediary.api.Ids;
import ru.ediary.api.NotFoundException;
import ru.ediary.trust.InvitationService;
import ru.ediary.trust.TrustedAccess;
import ru.ediary.trust.TrustedAccessStatus;
import ru.ediary.trust.TrustedPersonState;
import ru.ediary.trust.TrustedPersonState.LiveGrant;

/**
 * Answers "which children may the caller see, and why" for the access queries. Each runs in the caller's
 * transaction (a query's read-only unit of work) and remembers how the caller reads every child it answers with
 * ({@link ReadChildren}).
 */
@ApplicationScoped
public class AccessService {

    private final Caller caller;
    private final DirectAccessService direct;
    private final ChildReaders readers;
    private final ReadChildren answered;
    private final InvitationService invitations;
    private final PendingContacts pending;
    private final TrustedPersonState trustedPersons;

    AccessService(Caller caller, DirectAccessService direct, ChildReaders readers, ReadChildren answered,
            InvitationService invitations, PendingContacts pending, TrustedPersonState trustedPersons) {
        this.caller = caller;
        this.direct = direct;
        this.readers = readers;
        this.answered = answered;
        this.invitations = invitations;
        this.pending = pending;
        this.trustedPersons = trustedPersons;
    }

    @Transactional
    public DiaryAccessView diaryAccess() throws ApiException {
        Account account = caller.account();
        List<ChildAccessView> children = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DirectChild d : direct.directChildren(account.id)) {
            seen.add(d.child().id());
            answered.remember(d.child().id(), d.capacity() == AccessCapacity.SELF ? Reader.SELF : Reader.PARENT);
            children.add(new ChildAccessView(d.child(), d.capacity(), null));
        }
        List<LiveGrant> grants = trustedPersons.liveGrants(account.id);
        for (LiveGrant live : grants) {
            TrustedAccess grant = live.grant();
            if (live.status() == TrustedAccessStatus.ACTIVE && seen.add(grant.student.id.toString())) {
                answered.remember(grant.student.id.toString(), Reader.TRUSTED_PERSON);
                children.add(new ChildAccessView(ChildView.of(grant.student), AccessCapacity.TRUSTED_PERSON,
                        grant.id.toString()));
            }
        }
        return new DiaryAccessView(children, children.isEmpty() ? nextSteps(account, grants) : List.of(),
                invitations.awaitingActivation(account.id), grants.stream().map(LiveGrant::view).toList());
    }

    /**
     * A trusted person (one with grants or invitations) is told what happened to their access; advice about the
     * profile and the class teacher is for people seeking direct access.
     */
    private List<NextStep> nextSteps(Account account, List<LiveGrant> grants) {
        var outcomes = trustedPersons.outcomes(account.id, grants);
        return outcomes.isEmpty() ? NextSteps.forProfile(account, pending.of(account.id))
                : NextSteps.forTrustedPerson(outcomes);
    }

    /** Children the caller sees as a parent. */
    @Transactional
    public List<ChildView> myChildren() throws ApiException {
        UUID accountId = caller.accountId();
        List<ChildView> children = new ArrayList<>();
        for (DirectChild d : direct.directChildren(accountId)) {
            if (d.capacity() == AccessCapacity.PARENT) {
                answered.remember(d.child().id(), Reader.PARENT);
                children.add(d.child());
            }
        }
        return children;
    }

    /**
     * One child, for whoever may see it ({@link ChildReaders}: the student, a parent with direct access, a trusted
     * person with an ACTIVE grant, the class teacher or the school's system; a withdrawn student nobody). Everyone
     * else gets NOT_FOUND, as for an id that does not exist.
     */
    @Transactional
    public ChildView child(String id) throws ApiException {
        UUID childId = Ids.parse(id);
        caller.requireAuthenticated();
        UUID accountId = caller.isSchoolSystem() ? null : caller.accountId();
        return readers.read(accountId, childId).orElseThrow(NotFoundException::new).child();
    }
}

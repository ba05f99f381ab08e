package ru.ediary.trust;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ru.ediary.access.AccessService;
import ru.ediary.access.ChildAccessView;
import ru.ediary.access.NextStep;
import ru.ediary.account.Account;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiException;
import ru.ediary.trust.TrustedPersonState.LiveGrant;

/**
 * diaryAccess: the diaries the caller sees directly, then those through an ACTIVE grant, and, when none, what to
 * do (a parent) or what happened (a trusted person). Runs in the caller's transaction.
 */
@ApplicationScoped
public class DiaryAccessService {

    private final Caller caller;
    private final AccessService access;
    private final InvitationReading invitations;
    private final TrustedPersonState trustedPersons;

    DiaryAccessService(Caller caller, AccessService access, InvitationReading invitations,
            TrustedPersonState trustedPersons) {
        this.caller = caller;
        this.access = access;
        this.invitations = invitations;
        this.trustedPersons = trustedPersons;
    }

    @Transactional
    public DiaryAccessView diaryAccess() throws ApiException {
        Account account = caller.account();
        List<ChildAccessView> children = new ArrayList<>(access.directDiaries(account.id));
        Set<String> seen = new HashSet<>();
        children.forEach(c -> seen.add(c.child().id()));
        List<LiveGrant> grants = trustedPersons.liveGrants(account.id);
        for (LiveGrant live : grants) {
            TrustedAccess grant = live.grant();
            if (live.status() == TrustedAccessStatus.ACTIVE && seen.add(grant.student.id.toString())) {
                children.add(access.trustedDiary(grant.student, grant.id.toString()));
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
        return outcomes.isEmpty() ? access.stepsTowardsDirectAccess(account) : TrustedPersonSteps.of(outcomes);
    }
}

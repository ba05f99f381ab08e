package ru.ediary.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ru.ediary.access.ChildReaders.Reader;
import ru.ediary.access.DirectAccessService.DirectChild;
import ru.ediary.account.Account;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiException;
import ru.ediary.api.Ids;
import ru.ediary.api.NotFoundException;
import ru.ediary.school.Student;

/**
 * Answers "which children may the caller see, and why" for the access queries. Each runs in the caller's
 * transaction (a query's read-only unit of work) and remembers how the caller reads every child it answers with
 * ({@link ReadChildren}). The composed diaryAccess answer (direct and trusted) is trust's, built on the parts here,
 * so that access never depends on trust.
 */
@ApplicationScoped
public class AccessService {

    private final Caller caller;
    private final DirectAccessService direct;
    private final ChildReaders readers;
    private final ReadChildren answered;
    private final PendingContacts pending;

    AccessService(Caller caller, DirectAccessService direct, ChildReaders readers, ReadChildren answered,
            PendingContacts pending) {
        this.caller = caller;
        this.direct = direct;
        this.readers = readers;
        this.answered = answered;
        this.pending = pending;
    }

    /** The diaries the account sees directly, as a parent or as the student; call inside a transaction. */
    public List<ChildAccessView> directDiaries(UUID accountId) {
        List<ChildAccessView> children = new ArrayList<>();
        for (DirectChild d : direct.directChildren(accountId)) {
            answered.remember(d.child().id(), d.capacity() == AccessCapacity.SELF ? Reader.SELF : Reader.PARENT);
            children.add(new ChildAccessView(d.child(), d.capacity(), null));
        }
        return children;
    }

    /** A diary the caller sees through an ACTIVE grant (trust decides that); remembered like the direct ones. */
    public ChildAccessView trustedDiary(Student student, String grantId) {
        answered.remember(student.id.toString(), Reader.TRUSTED_PERSON);
        return new ChildAccessView(ChildView.of(student), AccessCapacity.TRUSTED_PERSON, grantId);
    }

    /** Brief rule 3: the steps towards direct access, from the account's own profile; inside a transaction. */
    public List<NextStep> stepsTowardsDirectAccess(Account account) {
        return NextSteps.forProfile(account, pending.of(account.id));
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

package ru.ediary.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import ru.ediary.access.DirectAccessService.DirectChild;
import ru.ediary.account.AccountService;
import ru.ediary.account.Caller;
import ru.ediary.api.ApiException;
import ru.ediary.api.Ids;
import ru.ediary.api.NotFoundException;
import ru.ediary.api.Tx;
import ru.ediary.school.StaffAccess;
import ru.ediary.school.Student;
import ru.ediary.school.StudentRepository;

/** Answers "which children may the caller see, and why" for the access queries. */
@ApplicationScoped
public class AccessService {

    private final Caller caller;
    private final AccountService accounts;
    private final DirectAccessService direct;
    private final StaffAccess staff;
    private final StudentRepository students;

    AccessService(Caller caller, AccountService accounts, DirectAccessService direct, StaffAccess staff,
            StudentRepository students) {
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
            List<ChildAccessView> children = direct.directChildren(account).stream()
                    .map(d -> new ChildAccessView(ChildView.of(d.student()), d.capacity())).toList();
            return new DiaryAccessView(children, children.isEmpty() ? NextSteps.forProfile(account) : List.of());
        });
    }

    /** Children the caller sees as a parent. */
    public List<ChildView> myChildren() throws ApiException {
        UUID accountId = caller.accountId();
        return Tx.inNew(() -> direct.directChildren(accounts.find(accountId)).stream()
                .filter(d -> d.capacity() == AccessCapacity.PARENT)
                .map(d -> ChildView.of(d.student())).toList());
    }

    /**
     * One child, for whoever may see it: the student, a parent with direct access, the class teacher or the
     * school's system. Everyone else gets NOT_FOUND, as for an id that does not exist.
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
            var scope = staff.find();
            if (scope.isPresent() && scope.get().covers(student)) {
                return ChildView.of(student);
            }
            throw new NotFoundException();
        });
    }
}

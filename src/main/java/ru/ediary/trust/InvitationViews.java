package ru.ediary.trust;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.ediary.config.EdiaryConfig;
import ru.ediary.school.Student;
import ru.ediary.school.StudentRepository;

/** Invitations as their inviter or invitee sees them: the one mapping the sending, answering and reading share. */
@ApplicationScoped
public class InvitationViews {

    private final StudentRepository students;
    private final EdiaryConfig config;

    InvitationViews(StudentRepository students, EdiaryConfig config) {
        this.students = students;
        this.config = config;
    }

    InvitationView of(Invitation invitation, UUID viewer) {
        return of(List.of(invitation), viewer).get(0);
    }

    /** Views of invitations for one viewer, with the children's names in one query. */
    List<InvitationView> of(List<Invitation> invitations, UUID viewer) {
        Set<UUID> studentIds = new TreeSet<>();
        invitations.forEach(i -> i.children.forEach(c -> studentIds.add(c.studentId)));
        Map<UUID, Student> byId = students.listByIdsByName(studentIds).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        Duration interval = jobInterval();
        return invitations.stream().map(i -> new InvitationView(i.id.toString(), i.service, i.service.title(),
                i.status,
                i.children.stream().map(c -> byId.get(c.studentId))
                        .sorted(Comparator.comparing(Student::fullName))
                        .map(s -> new InvitedChild(s.id.toString(), s.fullName(), outcomeOf(i, s.id))).toList(),
                PersonName.of(i.inviter), PersonName.of(i.invitee),
                i.inviter.id.equals(viewer) ? i.inviteeIdentifier : null,
                i.createdAt, i.expiresAt, i.acceptedAt,
                i.status == InvitationStatus.ACCEPTED ? expectedActivation(i.activateAfter, interval) : null,
                i.closedAt)).toList();
    }

    /** The children's full names, by name, for the texts the parties are told. */
    String childNames(Invitation invitation) {
        List<UUID> ids = invitation.children.stream().map(c -> c.studentId).toList();
        return students.listByIdsByName(ids).stream().map(Student::fullName)
                .collect(Collectors.joining(", "));
    }

    private static String outcomeOf(Invitation invitation, UUID studentId) {
        return invitation.children.stream().filter(c -> c.studentId.equals(studentId) && c.outcome != null)
                .map(c -> c.outcome.name()).findFirst().orElse(null);
    }

    /** The job picks an invitation up at its first run after activateAfter. */
    static Instant expectedActivation(Instant activateAfter, Duration interval) {
        return activateAfter.plus(interval);
    }

    Duration jobInterval() {
        String interval = config.trust().activationInterval().strip();
        try {
            return Duration.parse(interval.startsWith("P") ? interval : "PT" + interval);
        } catch (RuntimeException e) {
            return Duration.ofMinutes(1);
        }
    }
}

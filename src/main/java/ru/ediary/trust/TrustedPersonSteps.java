package ru.ediary.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.ediary.access.NextStep;
import ru.ediary.access.NextStepCode;
import ru.ediary.trust.TrustedPersonState.Outcome;

/**
 * A trusted person who sees no diary is told what happened to their access, naming only the children it
 * concerns: never the inviting parent's records, nor why the parent has no access.
 */
final class TrustedPersonSteps {

    private static final String ASK_AGAIN = " Чтобы снова получить доступ, попросите родителя (законного "
            + "представителя) отправить вам новое приглашение.";

    private TrustedPersonSteps() {
    }

    /** For a trusted person who sees no diary: one step per outcome, in the order of {@link Outcome}. */
    static List<NextStep> of(Map<Outcome, List<String>> outcomes) {
        List<NextStep> steps = new ArrayList<>();
        outcomes.forEach((outcome, children) -> {
            String names = String.join(", ", children);
            steps.add(switch (outcome) {
                case SUSPENDED -> new NextStep(NextStepCode.TRUSTED_ACCESS_SUSPENDED, "Доступ к дневнику "
                        + "приостановлен: " + names + ". У пригласившего вас родителя сейчас нет доступа к дневнику. "
                        + "Когда доступ у него появится, ваш доступ возобновится сам, и вы получите уведомление.",
                        children);
                case REVOKED -> new NextStep(NextStepCode.TRUSTED_ACCESS_REVOKED,
                        "Родитель отозвал ваш доступ к дневнику: " + names + "." + ASK_AGAIN, children);
                case RENOUNCED -> new NextStep(NextStepCode.TRUSTED_ACCESS_RENOUNCED,
                        "Вы отказались от доступа к дневнику: " + names + "." + ASK_AGAIN, children);
                case INVITATION_EXPIRED -> new NextStep(NextStepCode.INVITATION_EXPIRED, "Срок приглашения истёк, "
                        + "доступ к дневнику не предоставлен: " + names + "." + ASK_AGAIN, children);
                case INVITATION_FAILED -> new NextStep(NextStepCode.INVITATION_FAILED, "Доступ к дневнику не "
                        + "предоставлен: " + names + ". При активации у пригласившего вас родителя не было доступа к "
                        + "дневнику." + ASK_AGAIN, children);
            });
        });
        return steps;
    }
}

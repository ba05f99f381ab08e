package ru.ediary.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.ediary.account.Account;
import ru.ediary.api.validation.PhoneNumbers;
import ru.ediary.trust.TrustedPersonState.Outcome;

/**
 * Brief rule 3, in the seed's words: fill in what is missing, then give the class teacher the contacts shown
 * in the profile. Built from the caller's own profile only, so it says nothing about anyone's school record.
 * A trusted person is told instead what happened to their access, naming only the children it concerns: never
 * the inviting parent's records, nor why the parent has no access.
 */
final class NextSteps {

    private static final String WHERE = " в Личном кабинете, раздел «Личные данные». Указывайте действующие данные.";
    private static final String ASK_AGAIN = " Чтобы снова получить доступ, попросите родителя (законного "
            + "представителя) отправить вам новое приглашение.";

    private NextSteps() {
    }

    static List<NextStep> forProfile(Account account) {
        List<NextStep> steps = new ArrayList<>();
        if (account.email == null) {
            steps.add(new NextStep(NextStepCode.FILL_EMAIL, "Укажите адрес электронной почты" + WHERE));
        }
        if (account.phone == null) {
            steps.add(new NextStep(NextStepCode.FILL_PHONE, "Укажите номер мобильного телефона" + WHERE));
        }
        String message;
        if (steps.isEmpty()) {
            message = "Обратитесь к классному руководителю и передайте ему контактные данные, указанные в Личном "
                    + "кабинете: e-mail " + account.email + " и номер мобильного телефона "
                    + PhoneNumbers.display(account.phone)
                    + ". Сведения в школе и в Личном кабинете должны совпадать.";
        } else {
            message = "Затем обратитесь к классному руководителю и передайте ему e-mail и номер мобильного телефона, "
                    + "указанные в Личном кабинете. Сведения в школе и в Личном кабинете должны совпадать.";
        }
        steps.add(new NextStep(NextStepCode.GIVE_CONTACTS_TO_CLASS_TEACHER, message));
        return steps;
    }

    /** For a trusted person who sees no diary: one step per outcome, in the order of {@link Outcome}. */
    static List<NextStep> forTrustedPerson(Map<Outcome, List<String>> outcomes) {
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

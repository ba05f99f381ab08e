package ru.ediary.trust;

import java.util.List;

/**
 * Every user-facing word about an invitation, in one place: what the sending and answering services and the
 * activation job tell the parties, and the refusals they give.
 */
final class InvitationTexts {

    /** A notification's title and body. */
    record Message(String title, String body) {
    }

    static final String CANCEL_BY_INVITER_ONLY = "Отменить приглашение может только тот, кто его отправил.";
    static final String ANSWER_BY_INVITEE_ONLY = "Принять или отклонить приглашение может только приглашённый.";

    /** Names no children: the job expires invitations in bulk without loading them. */
    static final Message EXPIRED = new Message("Срок приглашения истёк",
            "Приглашение стать доверенным лицом не было принято вовремя.");

    private InvitationTexts() {
    }

    static Message received(String inviter, Service service, String children) {
        return new Message("Приглашение стать доверенным лицом", inviter + " приглашает вас стать доверенным лицом. "
                + "Услуга: «" + service.title() + "». Дети: " + children + ". Подтвердите или отклоните приглашение.");
    }

    static Message accepted(String invitee, Service service, String children) {
        return new Message("Приглашение принято", invitee + " принял(а) ваше приглашение. Доступ к услуге «"
                + service.title() + "» (" + children + ") будет предоставлен в течение суток.");
    }

    static Message declined(String invitee, String children) {
        return new Message("Приглашение отклонено", invitee + " отклонил(а) ваше приглашение (" + children + ").");
    }

    /** An accepted invitation is cancelled before the job activated it; a pending one simply is. */
    static Message cancelled(String inviter, String children, boolean wasAccepted) {
        return new Message("Приглашение отменено", inviter + " отменил(а) приглашение (" + children + ")"
                + (wasAccepted ? " до его активации." : "."));
    }

    /** To the child's other parents: someone new reads the diary. */
    static Message childAccessGained(String invitee, String child) {
        return new Message("Новое доверенное лицо", invitee + " получил(а) доступ к дневнику: " + child + ".");
    }

    /** To both parties: no child could be granted, the inviter no longer sees any of them directly. */
    static Message failed(String service, List<String> skipped) {
        return new Message("Приглашение не активировано", "Доступ к услуге «" + service + "» не предоставлен: "
                + "у пригласившего родителя больше нет прямого доступа к дневнику (" + String.join(", ", skipped)
                + ").");
    }

    /** A partial activation names the children left out, and why in the invitee's terms. */
    static Message activatedForInvitee(String service, List<String> granted, List<String> skipped) {
        return new Message("Доступ предоставлен", "Вам предоставлен доступ к услуге «" + service + "»: "
                + String.join(", ", granted) + "." + (skipped.isEmpty() ? "" : " Не предоставлен для: "
                        + String.join(", ", skipped) + " — у пригласившего вас родителя сейчас нет доступа к этому "
                        + "дневнику."));
    }

    /** A partial activation names the children left out, and why in the inviter's terms. */
    static Message activatedForInviter(String invitee, String service, List<String> granted, List<String> skipped) {
        return new Message("Доступ предоставлен", invitee + " получил(а) доступ к услуге «" + service + "»: "
                + String.join(", ", granted) + "." + (skipped.isEmpty() ? "" : " Не предоставлен для: "
                        + String.join(", ", skipped) + " — у вас сейчас нет прямого доступа к этому дневнику."));
    }
}

package ru.ediary.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.ediary.trust.InvitationTexts.Message;

/** The words the parties are told, in one place: each text as it reads, with its variants told apart. */
class InvitationTextsTest {

    private static final Service DIARY = Service.ELECTRONIC_DIARY;

    @Test
    void theInviteeIsToldWhoInvitesThemForWhatAndForWhom() {
        assertEquals(new Message("Приглашение стать доверенным лицом", "Иванова Анна Петровна приглашает вас стать "
                + "доверенным лицом. Услуга: «Электронный дневник». Дети: Иванов Пётр, Иванова Мария. Подтвердите или "
                + "отклоните приглашение."),
                InvitationTexts.received("Иванова Анна Петровна", DIARY, "Иванов Пётр, Иванова Мария"));
    }

    @Test
    void theInviterIsToldOfAnAcceptanceAndWhenAccessFollows() {
        assertEquals(new Message("Приглашение принято", "Смирнова Ольга принял(а) ваше приглашение. Доступ к услуге "
                + "«Электронный дневник» (Иванов Пётр) будет предоставлен в течение суток."),
                InvitationTexts.accepted("Смирнова Ольга", DIARY, "Иванов Пётр"));
    }

    @Test
    void theInviterIsToldOfADecline() {
        assertEquals(new Message("Приглашение отклонено", "Смирнова Ольга отклонил(а) ваше приглашение (Иванов Пётр)."),
                InvitationTexts.declined("Смирнова Ольга", "Иванов Пётр"));
    }

    @Test
    void aCancellationSaysWhetherItCameBeforeActivation() {
        assertEquals(new Message("Приглашение отменено", "Иванова Анна отменил(а) приглашение (Иванов Пётр)."),
                InvitationTexts.cancelled("Иванова Анна", "Иванов Пётр", false));
        assertEquals(new Message("Приглашение отменено",
                "Иванова Анна отменил(а) приглашение (Иванов Пётр) до его активации."),
                InvitationTexts.cancelled("Иванова Анна", "Иванов Пётр", true));
    }

    @Test
    void anExpiryNamesNoChildren() {
        assertEquals(new Message("Срок приглашения истёк", "Приглашение стать доверенным лицом не было принято вовремя."),
                InvitationTexts.EXPIRED);
    }

    @Test
    void theOtherParentsAreToldOfANewTrustedPerson() {
        assertEquals(new Message("Новое доверенное лицо", "Смирнова Ольга получил(а) доступ к дневнику: Иванов Пётр."),
                InvitationTexts.childAccessGained("Смирнова Ольга", "Иванов Пётр"));
    }

    @Test
    void aFailedActivationSaysWhyAndForWhom() {
        assertEquals(new Message("Приглашение не активировано", "Доступ к услуге «Электронный дневник» не предоставлен: "
                + "у пригласившего родителя больше нет прямого доступа к дневнику (Иванов Пётр, Иванова Мария)."),
                InvitationTexts.failed(DIARY.title(), List.of("Иванов Пётр", "Иванова Мария")));
    }

    @Test
    void aFullActivationNamesOnlyTheGrantedChildren() {
        assertEquals(new Message("Доступ предоставлен",
                "Вам предоставлен доступ к услуге «Электронный дневник»: Иванов Пётр, Иванова Мария."),
                InvitationTexts.activatedForInvitee(DIARY.title(), List.of("Иванов Пётр", "Иванова Мария"), List.of()));
        assertEquals(new Message("Доступ предоставлен",
                "Смирнова Ольга получил(а) доступ к услуге «Электронный дневник»: Иванов Пётр."),
                InvitationTexts.activatedForInviter("Смирнова Ольга", DIARY.title(), List.of("Иванов Пётр"), List.of()));
    }

    @Test
    void aPartialActivationNamesTheChildrenLeftOutInEachReadersTerms() {
        assertEquals(new Message("Доступ предоставлен", "Вам предоставлен доступ к услуге «Электронный дневник»: "
                + "Иванов Пётр. Не предоставлен для: Иванова Мария — у пригласившего вас родителя сейчас нет доступа "
                + "к этому дневнику."),
                InvitationTexts.activatedForInvitee(DIARY.title(), List.of("Иванов Пётр"), List.of("Иванова Мария")));
        assertEquals(new Message("Доступ предоставлен", "Смирнова Ольга получил(а) доступ к услуге «Электронный "
                + "дневник»: Иванов Пётр. Не предоставлен для: Иванова Мария — у вас сейчас нет прямого доступа к "
                + "этому дневнику."),
                InvitationTexts.activatedForInviter("Смирнова Ольга", DIARY.title(), List.of("Иванов Пётр"),
                        List.of("Иванова Мария")));
    }
}

package ru.ediary.trust;

/** User-facing words about an invitation's end that the answering service and the activation job both send. */
final class InvitationTexts {

    static final String EXPIRED_TITLE = "Срок приглашения истёк";
    /** Names no children: the job expires invitations in bulk without loading them. */
    static final String EXPIRED_BODY = "Приглашение стать доверенным лицом не было принято вовремя.";

    private InvitationTexts() {
    }
}

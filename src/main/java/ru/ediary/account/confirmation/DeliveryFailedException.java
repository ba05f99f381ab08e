package ru.ediary.account.confirmation;

/** A code could not be handed to the mail server or the SMS gateway. Carries no address, number or code. */
public class DeliveryFailedException extends Exception {

    public DeliveryFailedException(String what, Throwable cause) {
        // only the failure's type: an SMTP or gateway message may quote the recipient
        super(what + " failed: " + cause.getClass().getSimpleName(), null, false, false);
    }
}

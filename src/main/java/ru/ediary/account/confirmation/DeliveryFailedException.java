package ru.ediary.account.confirmation;

/** A code could not be handed to the mail server or the SMS gateway. Carries no address, number or code. */
public class DeliveryFailedException extends Exception {

    public DeliveryFailedException(String what, Throwable cause) {
        // only the failure's types, down the cause chain: an SMTP or gateway message may quote the recipient
        super(what + " failed: " + types(cause), null, false, false);
    }

    private static String types(Throwable cause) {
        StringBuilder chain = new StringBuilder(cause.getClass().getSimpleName());
        for (Throwable c = cause.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            chain.append(" <- ").append(c.getClass().getSimpleName());
        }
        return chain.toString();
    }
}

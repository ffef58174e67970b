package ch.frontdesk.payment;

/**
 * A bank account as configured for one feature (tickets and support each name their own: the summit and the
 * supporters' fund are paid to different accounts). The defaults live in application.properties.
 */
public interface BankAccount {

    /** The account holder. */
    String accountHolder();

    /** The IBAN transfers go to. */
    String iban();

    /** The bank's name. */
    String bankName();

    /** The account as an invoice prints it. */
    default BankDetails details() {
        return new BankDetails(accountHolder(), iban(), bankName());
    }
}

package ch.frontdesk.payment;

/** The bank account that an invoice asks the payer to transfer to. */
public record BankDetails(String accountHolder, String iban, String bankName) {
}

package ch.frontdesk.payment;

/** The bank account that an invoice asks the payer to transfer to, and its holder's postal address. */
public record BankDetails(String accountHolder, String iban, String bankName, PostalAddress address) {

    /** Where the creditor lives, as a QR-bill prints it; {@code houseNumber} may be null. */
    public record PostalAddress(String street, String houseNumber, String postalCode, String town, String country) {
    }
}

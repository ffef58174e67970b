package ch.frontdesk.common;

/** What an emailed token allows. A token never serves another purpose than the one it was issued for. */
public enum TokenPurpose {
    NEWSLETTER_CONFIRM,
    NEWSLETTER_UNSUBSCRIBE,
    ORDER_ACCESS,
    PLEDGE_CANCEL,
    WAITLIST_CONFIRM,
    WAITLIST_OFFER;

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends LowercaseEnumConverter<TokenPurpose> {
        public DbConverter() {
            super(TokenPurpose.class);
        }
    }
}

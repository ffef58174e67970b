package ch.frontdesk.contact;

/** The text a person agreed to, with the version under which it was published. */
public record ConsentWording(String purpose, String version, String text) {
}

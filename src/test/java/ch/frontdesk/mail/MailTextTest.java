package ch.frontdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailTextTest {

    @Test
    void aRequesterNameLosesLinksAndDomainLikeText() {
        assertThat(MailText.requesterName("Ada visit https://evil.example/win now")).isEqualTo("Ada visit now");
        assertThat(MailText.requesterName("Grace www.evil.example")).isEqualTo("Grace");
        assertThat(MailText.requesterName("Win at evil.example!")).isEqualTo("Win at");
        assertThat(MailText.requesterName("mail me: a@b.example")).isEqualTo("mail me:");
    }

    @Test
    void aRequesterNameIsCutToFortyCharactersAndKeepsOrdinaryNames() {
        assertThat(MailText.requesterName("J. R. R. Tolkien")).isEqualTo("J. R. R. Tolkien");
        assertThat(MailText.requesterName("Zoë Ørsted-Ñúñez")).isEqualTo("Zoë Ørsted-Ñúñez");
        assertThat(MailText.requesterName("A".repeat(100))).hasSize(40);
        assertThat(MailText.requesterName("https://evil.example")).isNull();
        assertThat(MailText.requesterName(null)).isNull();
    }
}

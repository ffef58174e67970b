package ch.frontdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.frontdesk.common.Language;
import org.junit.jupiter.api.Test;

class PublicPageTest {

    @Test
    void linksKeepTheReadersLanguage() {
        PublicPage page = new PublicPage(Language.FR, "/events/amld-2026");
        assertThat(page.link("/support")).isEqualTo("/support?lang=fr");
        assertThat(page.link("/orders/abc?token=t1")).isEqualTo("/orders/abc?token=t1&lang=fr");
        assertThat(page.link("/support?lang=de")).isEqualTo("/support?lang=fr");
    }

    @Test
    void theLanguageSwitchLinksToTheSamePage() {
        PublicPage page = new PublicPage(Language.EN, "/orders/abc?token=t1&lang=en");
        assertThat(page.in("de")).isEqualTo("/orders/abc?token=t1&lang=de");
        assertThat(page.in("fr")).isEqualTo("/orders/abc?token=t1&lang=fr");
        assertThat(page.isIn("en")).isTrue();
        assertThat(page.isIn("fr")).isFalse();
    }
}

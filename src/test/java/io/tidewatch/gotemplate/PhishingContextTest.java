package io.tidewatch.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The personalised URLs as Gophish builds them: rid added, query sorted, tracking path joined. */
class PhishingContextTest {

    @Test
    void addsTheRecipientIdAndBuildsTrackingUrls() {
        PhishingContext context = PhishingContext.of("Ann", "Lee", "ann@x.test", "CFO", "IT", "https://p.test/login",
                "abc1234");
        assertThat(context.url()).isEqualTo("https://p.test/login?rid=abc1234");
        assertThat(context.trackingUrl()).isEqualTo("https://p.test/login/track?rid=abc1234");
        assertThat(context.baseUrl()).isEqualTo("https://p.test");
        assertThat(context.tracker()).isEqualTo(
                "<img alt='' style='display: none' src='https://p.test/login/track?rid=abc1234'/>");
    }

    @Test
    void keepsOtherParametersSortedAndReplacesAnExistingRid() {
        PhishingContext context = PhishingContext.of("", "", "a@x.test", "", "", "http://p.test/?z=1&rid=old&a=b c",
                "r");
        assertThat(context.url()).isEqualTo("http://p.test/?a=b+c&rid=r&z=1");
        assertThat(context.trackingUrl()).isEqualTo("http://p.test/track?a=b+c&rid=r&z=1");
    }

    @Test
    void worksWithoutACampaignUrl() {
        PhishingContext context = PhishingContext.of("", "", "a@x.test", "", "", "", "preview-1234567");
        assertThat(context.url()).isEqualTo("?rid=preview-1234567");
        assertThat(context.trackingUrl()).isEqualTo("/track?rid=preview-1234567");
    }

    @Test
    void rendersTemplatesWithTheContext() {
        PhishingContext context = PhishingContext.of("Zoë", "O'Neil", "z@x.test", "", "IT Desk", "http://p.test", "r1");
        assertThat(context.render("{{.FirstName}} {{.LastName}} from {{.From}}", true))
                .isEqualTo("Zoë O&#39;Neil from IT Desk");
        assertThat(context.render("{{.LastName}}", false)).isEqualTo("O'Neil");
    }

    @Test
    void templatesTheCampaignUrlWithTheRecipientsFieldsBeforeAddingTheRid() {
        PhishingContext context = PhishingContext.of("Ann Marie", "Lee", "ann+x@x.test", "CFO", "IT",
                "https://p.test/{{.Position}}/login?n={{.FirstName}}&e={{.Email | urlquery}}&raw={{.Email}}", "r1");
        assertThat(context.url()).isEqualTo("https://p.test/CFO/login?e=ann%2Bx%40x.test&n=Ann+Marie&raw=ann+x%40x.test"
                + "&rid=r1");
        assertThat(context.trackingUrl()).startsWith("https://p.test/CFO/login/track?e=");
        assertThat(context.baseUrl()).isEqualTo("https://p.test");
    }

    @Test
    void aRecipientsValueInTheUrlIsPercentEncodedAndCannotLeaveThePixelsAttribute() {
        PhishingContext context = PhishingContext.of("x'onerror='alert(1)'", "Lee", "o'brien@x.test", "", "IT",
                "http://p.test/{{.FirstName}}/u#{{.Email}}", "r1");

        assertThat(context.url()).isEqualTo("http://p.test/x%27onerror=%27alert%281%29%27/u?rid=r1#o%27brien@x.test");
        assertThat(context.tracker()).doesNotContain("'onerror").startsWith("<img alt='' style='display: none' src='")
                .endsWith("'/>").contains("/track?rid=r1");
        assertThat(context.render("{{.Tracker}}", true)).isEqualTo(context.tracker()).contains("x%27onerror");
        assertThat(PhishingContext.of("Ann Lee", "", "a@x.test", "", "", "http://p.test/{{.FirstName}}", "r").url())
                .isEqualTo("http://p.test/Ann%20Lee?rid=r");
    }

    @Test
    void aTemplatedUrlMustWriteOutItsSchemeAndHost() {
        PhishingContext.validateUrl("https://p.test/{{.LastName}}");
        PhishingContext.validateUrl("javascript:alert(1)");
        assertThatThrownBy(() -> PhishingContext.validateUrl("{{.LastName}}")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("must begin with http:// or https://");
        assertThatThrownBy(() -> PhishingContext.validateUrl("http://{{.FirstName}}.p.test/"))
                .isInstanceOf(TemplateException.class);
        assertThatThrownBy(() -> PhishingContext.validateUrl("java{{.LastName}}script:x"))
                .isInstanceOf(TemplateException.class);
    }

    @Test
    void refusesACampaignUrlNamingAnythingButTheRecipientsFields() {
        PhishingContext.validateUrl("http://p.test/{{if .LastName}}{{.LastName | urlquery}}{{end}}");
        assertThatThrownBy(() -> PhishingContext.validateUrl("http://p.test/?r={{.RId}}"))
                .isInstanceOf(TemplateException.class).hasMessage("unknown variable {{.RId}}");
    }
}

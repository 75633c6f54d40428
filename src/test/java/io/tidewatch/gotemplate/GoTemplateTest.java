package io.tidewatch.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The Gophish-syntax renderer: what existing Gophish templates use renders, everything else is refused clearly. */
class GoTemplateTest {

    private static final Map<String, String> ALICE = Map.of("FirstName", "Alice", "LastName", "", "Email",
            "alice@example.com", "Tracker", "<img src='t'/>", "URL", "http://p.test/?a=1&rid=x");

    private static String render(String source, boolean html) {
        return GoTemplate.parse(source, PhishingContext.VARIABLES).render(ALICE, PhishingContext.RAW_HTML, html);
    }

    @Test
    void rendersFieldsWithAndWithoutSpacesInsideTheBraces() {
        assertThat(render("Hi {{.FirstName}}, {{ .FirstName }} <{{.Email}}>", false))
                .isEqualTo("Hi Alice, Alice <alice@example.com>");
    }

    @Test
    void rendersIfElseOnPresentAndEmptyFields() {
        assertThat(render("{{if .FirstName}}Dear {{.FirstName}}{{else}}Hello{{end}}", false)).isEqualTo("Dear Alice");
        assertThat(render("{{if .LastName}}Dear {{.LastName}}{{else}}Hello{{end}}", false)).isEqualTo("Hello");
        assertThat(render("{{ if .LastName }}x{{ end }}", false)).isEmpty();
    }

    @Test
    void rendersElseIfChainsNegationAndNesting() {
        String source = "{{if .LastName}}L{{else if .FirstName}}F{{if not .Position}}-no-pos{{end}}{{else}}none{{end}}";
        assertThat(render(source, false)).isEqualTo("F-no-pos");
    }

    @Test
    void refusesIfBlocksNestedDeeperThanTheLimitInsteadOfOverflowingTheStack() {
        String allowed = "{{if .URL}}".repeat(GoTemplate.MAX_NESTING) + "deep" + "{{end}}".repeat(GoTemplate.MAX_NESTING);
        assertThat(render(allowed, false)).isEqualTo("deep");
        String hostile = "{{if .URL}}".repeat(60_000) + "{{end}}".repeat(60_000);
        assertThatThrownBy(() -> GoTemplate.validate(hostile, PhishingContext.VARIABLES))
                .isInstanceOf(TemplateException.class)
                .hasMessage("{{if}} nested more than 100 levels deep");
    }

    @Test
    void keepsCommentsOutAndStringConstantsIn() {
        assertThat(render("a{{/* note */}}b{{\"{{\"}}c{{`}}`}}", false)).isEqualTo("ab{{c}}");
    }

    @Test
    void trimsWhitespaceLikeGo() {
        assertThat(render("a  {{- .FirstName -}}  b", false)).isEqualTo("aAliceb");
    }

    @Test
    void escapesRecipientValuesOnlyInHtml() {
        Map<String, String> evil = Map.of("FirstName", "<script>alert('x')</script>&");
        GoTemplate template = GoTemplate.parse("<p>{{.FirstName}}</p>", PhishingContext.VARIABLES);
        assertThat(template.render(evil, PhishingContext.RAW_HTML, true))
                .isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>");
        assertThat(template.render(evil, PhishingContext.RAW_HTML, false))
                .isEqualTo("<p><script>alert('x')</script>&</p>");
    }

    @Test
    void leavesTheTrackerMarkupUnescapedButEscapesUrlAmpersands() {
        assertThat(render("{{.Tracker}}<a href=\"{{.URL}}\">", true))
                .isEqualTo("<img src='t'/><a href=\"http://p.test/?a=1&amp;rid=x\">");
    }

    @Test
    void namesAnUnknownVariable() {
        assertThatThrownBy(() -> GoTemplate.validate("Hi\n{{.EMAIL}}", PhishingContext.VARIABLES))
                .isInstanceOf(TemplateException.class)
                .hasMessage("unknown variable {{.EMAIL}}")
                .satisfies(e -> assertThat(((TemplateException) e).line()).isEqualTo(2));
        assertThatThrownBy(() -> GoTemplate.validate("{{if .Nope}}x{{end}}", PhishingContext.VARIABLES))
                .hasMessage("unknown variable {{.Nope}}");
    }

    @Test
    void refusesUnbalancedConditionals() {
        assertThatThrownBy(() -> GoTemplate.validate("{{if .FirstName}}x", PhishingContext.VARIABLES))
                .hasMessage("missing {{end}} for {{if .FirstName}}");
        assertThatThrownBy(() -> GoTemplate.validate("x{{end}}", PhishingContext.VARIABLES))
                .hasMessage("unexpected {{end}}");
        assertThatThrownBy(() -> GoTemplate.validate("{{else}}", PhishingContext.VARIABLES))
                .hasMessage("unexpected {{else}}");
        assertThatThrownBy(() -> GoTemplate.validate("{{if .FirstName}}{{else}}{{else}}{{end}}",
                PhishingContext.VARIABLES)).hasMessageContaining("more than one {{else}}");
        assertThatThrownBy(() -> GoTemplate.validate("{{if}}x{{end}}", PhishingContext.VARIABLES))
                .hasMessage("missing condition in {{if}}");
    }

    @Test
    void refusesUnclosedActionsAndForeignSyntax() {
        assertThatThrownBy(() -> GoTemplate.validate("Hi {{.FirstName", PhishingContext.VARIABLES))
                .hasMessage("unclosed action: {{ without }}");
        assertThatThrownBy(() -> GoTemplate.validate("{{ message }}", PhishingContext.VARIABLES))
                .hasMessage("unsupported template action {{ message }}");
        assertThatThrownBy(() -> GoTemplate.validate("{{range .Targets}}{{end}}", PhishingContext.VARIABLES))
                .hasMessage("unsupported template action {{range .Targets}}");
        assertThatThrownBy(() -> GoTemplate.validate("{{}}", PhishingContext.VARIABLES))
                .hasMessageContaining("missing value");
    }

    @Test
    void leavesTextWithoutActionsAlone() {
        assertThat(render("plain { text } with } braces {", true)).isEqualTo("plain { text } with } braces {");
        assertThat(GoTemplate.parse(null, Set.of()).render(Map.of(), Set.of(), false)).isEmpty();
    }

    @Test
    void reportsTheLineOfTheProblem() {
        TemplateException e = org.assertj.core.api.Assertions.catchThrowableOfType(TemplateException.class,
                () -> GoTemplate.validate("a\nb\n{{if .FirstName}}\n{{.Bad}}", PhishingContext.VARIABLES));
        assertThat(e.describe("html")).isEqualTo("unknown variable {{.Bad}} (html, line 4)");
    }
}

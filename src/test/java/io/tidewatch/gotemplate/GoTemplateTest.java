package io.tidewatch.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
    void refusesPaddingWiderThanAnyLayoutNeedsAndStopsARenderThatWouldFloodMemory() {
        assertThatThrownBy(() -> GoTemplate.parse("{{printf \"%9999s\" .FirstName}}", Set.of("FirstName")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("width or precision over 200");
        assertThatThrownBy(() -> GoTemplate.parse("{{printf \"%.201s\" .FirstName}}", Set.of("FirstName")))
                .isInstanceOf(TemplateException.class);
        GoTemplate wide = GoTemplate.parse("{{printf \"%200s\" .FirstName}}".repeat(90_000), Set.of("FirstName"));
        assertThatThrownBy(() -> wide.render(Map.of("FirstName", "Ann"), Set.of(), true))
                .isInstanceOf(TemplateException.class).hasMessageContaining("longer than 16 MB");
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
                .hasMessage("function \"message\" not defined in {{ message }}");
        assertThatThrownBy(() -> GoTemplate.validate("{{range .Targets}}{{end}}", PhishingContext.VARIABLES))
                .hasMessage("{{range}} is not supported (only if, with, else and end are) in {{range .Targets}}");
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
        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> GoTemplate.validate("a\nb\n{{if .FirstName}}\n{{.Bad}}", PhishingContext.VARIABLES));
        assertThat(e.describe("html")).isEqualTo("unknown variable {{.Bad}} (html, line 4)");
    }

    @Test
    void comparesStringsWithEqNeAndOrderingFunctionsAsGoDoes() {
        assertThat(render("{{if eq .FirstName \"x\"}}a{{else}}b{{end}}", false)).isEqualTo("b");
        assertThat(render("{{if eq .FirstName \"x\" \"Alice\"}}one of them{{end}}", false)).isEqualTo("one of them");
        assertThat(render("{{ne .FirstName \"Bob\"}} {{ne .LastName \"\"}}", false)).isEqualTo("true false");
        assertThat(render("{{lt \"Zed\" \"alpha\"}} {{gt \"é\" \"z\"}} {{le \"a\" \"a\"}} {{ge \"a\" \"b\"}}", false))
                .isEqualTo("true true true false");
        assertThat(render("{{lt \"\uFFFF\" \"\uD83D\uDE00\"}}", false)).as("code point order, as UTF-8 bytes")
                .isEqualTo("true");
    }

    @Test
    void returnsTheDecidingArgumentFromAndOrAndNegatesWithNot() {
        assertThat(render("Dear {{or .LastName \"friend\"}}", false)).isEqualTo("Dear friend");
        assertThat(render("[{{and .FirstName .Email}}|{{and .LastName .Email}}]", false))
                .isEqualTo("[alice@example.com|]");
        assertThat(render("{{not .LastName}} {{not .FirstName}}", false)).isEqualTo("true false");
        assertThat(render("{{if and (eq .FirstName \"Alice\") (not .LastName)}}ok{{end}}", false)).isEqualTo("ok");
    }

    @Test
    void pipesTheLeftValueInAsTheLastArgument() {
        assertThat(render("{{.FirstName | printf \"%s!\"}}", false)).isEqualTo("Alice!");
        assertThat(render("{{\"Alice\" | eq .FirstName}} {{.FirstName | len}}", false)).isEqualTo("true 5");
        assertThat(render("{{.FirstName | printf \"<%s>\" | html}}", false)).isEqualTo("&lt;Alice&gt;");
    }

    @Test
    void bindsDotInsideWithAndKeepsItInElse() {
        assertThat(render("{{with .FirstName}}Hi {{.}}{{else}}Hello{{end}}", false)).isEqualTo("Hi Alice");
        assertThat(render("{{with .LastName}}Hi {{.}}{{else}}Hello {{.Email}}{{end}}", false))
                .isEqualTo("Hello alice@example.com");
        assertThat(render("{{with .LastName}}L{{else with .FirstName}}{{. | len}}{{else}}none{{end}}", false))
                .isEqualTo("5");
        assertThat(render("{{with eq .FirstName \"Alice\"}}{{.}}{{end}}", false)).isEqualTo("true");
    }

    @Test
    void formatsWithPrintfLikeGo() {
        assertThat(render("{{printf \"%s <%s>\" .FirstName .Email}}", false)).isEqualTo("Alice <alice@example.com>");
        assertThat(render("{{printf \"[%8s|%-8s|%.3s|%v]\" .FirstName .FirstName .FirstName .FirstName}}", false))
                .isEqualTo("[   Alice|Alice   |Ali|Alice]");
        assertThat(render("{{printf \"%q\" \"a\\\"b\\n\"}}", false)).isEqualTo("\"a\\\"b\\n\"");
        assertThat(render("{{printf \"%d%% %05d %+d %-3d| %v %v\" (len .FirstName) 42 7 -1 3 true}}", false))
                .isEqualTo("5% 00042 +7 -1 | 3 true");
        assertThat(render("{{printf \"%6s|\" \"Zoë\"}}", false)).as("widths count characters").isEqualTo("   Zoë|");
    }

    @Test
    void printsAndPrintlnsWithGosSpacing() {
        assertThat(render("{{print \"a\" \"b\" 1 2 true}}", false)).isEqualTo("ab1 2 true");
        assertThat(render("{{println .FirstName 3}}", false)).isEqualTo("Alice 3\n");
        assertThat(render("{{len \"Zoë\"}}", false)).as("bytes, as Go counts").isEqualTo("4");
    }

    @Test
    void escapesWithHtmlJsAndUrlqueryByGosRules() {
        assertThat(render("{{html \"<a href='x'>&\\\"\"}}", false)).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&#34;");
        assertThat(render("{{js \"it's <b>\\\"x\\\"=1\\\\\\t\"}}", false))
                .isEqualTo("it\\'s \\u003Cb\\u003E\\\"x\\\"\\u003D1\\\\\\u0009");
        assertThat(render("{{urlquery \"a b&c=d/é~*\"}}", false)).isEqualTo("a+b%26c%3Dd%2F%C3%A9~%2A");
        assertThat(render("{{html .FirstName 3}}", false)).as("several arguments print as fmt.Sprint").isEqualTo("Alice3");
    }

    @Test
    void escapesRecipientValuesButNotTemplateTextInHtmlOutput() {
        Map<String, String> evil = Map.of("FirstName", "<i>O'Neil</i>", "Tracker", "<img src='t'/>");
        String source = "{{printf \"<b>%s</b>\" .FirstName}}|{{.FirstName | html}}|{{urlquery .FirstName}}|"
                + "{{with .FirstName}}{{.}}{{end}}|{{len .FirstName}}|{{if eq .FirstName \"<i>O'Neil</i>\"}}same{{end}}|"
                + "{{.Tracker | print}}";
        assertThat(GoTemplate.parse(source, PhishingContext.VARIABLES).render(evil, PhishingContext.RAW_HTML, true))
                .isEqualTo("<b>&lt;i&gt;O&#39;Neil&lt;/i&gt;</b>|&lt;i&gt;O&#39;Neil&lt;/i&gt;|%3Ci%3EO%27Neil%3C%2Fi%3E|"
                        + "&lt;i&gt;O&#39;Neil&lt;/i&gt;|13|same|<img src='t'/>");
        Map<String, String> ampersand = Map.of("FirstName", "A&B");
        assertThat(GoTemplate.parse("[{{printf \"%.2s|%5s\" .FirstName .FirstName}}]", PhishingContext.VARIABLES)
                .render(ampersand, PhishingContext.RAW_HTML, true)).as("cut and padded as the reader sees it")
                .isEqualTo("[A&amp;|  A&amp;B]");
    }

    @Test
    void refusesWhatGoWouldFailOnWhileRendering() {
        assertRefused("{{eq (len .FirstName) \"3\"}}", "eq compares an integer with a string in {{eq (len .FirstName) \"3\"}}");
        assertRefused("{{printf \"%d\" .Email}}", "printf %d needs an integer, got a string in {{printf \"%d\" .Email}}");
        assertRefused("{{printf \"%x\" .Email}}",
                "unsupported printf verb %x (use %s, %v, %d, %q or %%) in {{printf \"%x\" .Email}}");
        assertRefused("{{printf \"%s %s\" .Email}}",
                "printf format \"%s %s\" has 2 verb(s) for 1 value(s) in {{printf \"%s %s\" .Email}}");
        assertRefused("{{printf .Email}}", "printf needs a string constant as its format in {{printf .Email}}");
        assertRefused("{{len 3}}", "len needs a string, got an integer in {{len 3}}");
        assertRefused("{{lt true false}}", "lt cannot order booleans in {{lt true false}}");
        assertRefused("{{if not}}x{{end}}", "wrong number of args for not: want 1 got 0 in {{if not}}");
        assertRefused("{{eq .FirstName}}", "wrong number of args for eq: want at least 2 got 1 in {{eq .FirstName}}");
        assertRefused("{{.FirstName \"x\"}}", "can't give argument to non-function in {{.FirstName \"x\"}}");
        assertRefused("{{.FirstName | \"x\"}}", "only a function can take a piped value in {{.FirstName | \"x\"}}");
    }

    @Test
    void refusesVariablesRangeAndFunctionsItDoesNotHave() {
        assertRefused("{{$x := .FirstName}}", "variables ($...) are not supported in {{$x := .FirstName}}");
        assertRefused("{{index .FirstName 0}}", "function \"index\" is not supported in {{index .FirstName 0}}");
        assertRefused("{{template \"x\"}}",
                "{{template}} is not supported (only if, with, else and end are) in {{template \"x\"}}");
        assertRefused("{{.}}", "{{.}} would print the whole context; name a variable such as {{.FirstName}} in {{.}}");
        assertRefused("{{printf \"%s\" (.FirstName}}", "unclosed left paren in {{printf \"%s\" (.FirstName}}");
    }

    @Test
    void namesUnknownVariablesAnywhereInAPipeline() {
        assertRefused("{{if eq .Nope \"x\"}}a{{end}}", "unknown variable {{.Nope}}");
        assertRefused("{{.FirstName | printf \"%s %s\" .Nope}}", "unknown variable {{.Nope}}");
        assertRefused("{{with .FirstName}}{{.Email}}{{end}}",
                "can't evaluate field Email inside {{with}}, where dot is the tested value in {{.Email}}");
    }

    @Test
    void refusesPipelinesAndParenthesesNestedBeyondTheLimit() {
        assertRefused("{{.URL" + " | html".repeat(60_000) + "}}", "expression nested more than 100 levels deep in {{.URL",
                true);
        assertRefused("{{" + "(".repeat(60_000) + "}}", "parentheses nested more than 100 levels deep", true);
    }

    private static void assertRefused(String source, String message) {
        assertRefused(source, message, false);
    }

    private static void assertRefused(String source, String message, boolean prefix) {
        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> GoTemplate.validate(source, PhishingContext.VARIABLES));
        assertThat(e).as(source).isNotNull();
        if (prefix) {
            assertThat(e.getMessage()).startsWith(message);
        } else {
            assertThat(e.getMessage()).isEqualTo(message);
        }
    }
}

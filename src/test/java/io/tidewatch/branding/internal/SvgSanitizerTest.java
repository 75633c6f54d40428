package io.tidewatch.branding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.tidewatch.branding.internal.SvgSanitizer.NotSvgException;

/** What survives SVG sanitizing: the picture, and nothing that runs, loads or links. */
class SvgSanitizerTest {

    private static String clean(String svg) throws NotSvgException {
        return new String(SvgSanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8)).orElseThrow(),
                StandardCharsets.UTF_8);
    }

    @Test
    void keepsShapesGradientsAndCaseSensitiveNames() throws Exception {
        String out = clean("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'>"
                + "<defs><linearGradient id='g'><stop offset='0' stop-color='#123456'/></linearGradient></defs>"
                + "<rect width='10' height='10' fill='url(#g)'/><text x='1' y='9'>Northwind</text></svg>");
        assertThat(out).contains("viewBox=\"0 0 10 10\"").contains("<linearGradient id=\"g\">")
                .contains("fill=\"url(#g)\"").contains(">Northwind</text>");
    }

    @Test
    void removesScriptsAndEventHandlers() throws Exception {
        String out = clean("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'>"
                + "<script>alert(2)</script><script xlink:href='x.js' xmlns:xlink='http://www.w3.org/1999/xlink'/>"
                + "<circle r='4' onclick='alert(3)' OnMouseOver='alert(4)'/></svg>");
        assertThat(out).doesNotContainIgnoringCase("script").doesNotContainIgnoringCase("alert")
                .doesNotContainIgnoringCase("onload").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onmouseover").contains("<circle r=\"4\"/>");
    }

    @Test
    void removesForeignObjectsAndExternalReferences() throws Exception {
        String out = clean("<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'>"
                + "<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>hi</div></foreignObject>"
                + "<use href='https://evil.example/sprite.svg#a'/><use xlink:href='#local'/>"
                + "<image href='http://evil.example/track.png'/><image href='data:image/png;base64,iVBORw0KGgo='/>"
                + "<rect style='fill:url(https://evil.example/x)' fill='url(http://evil.example/p#a)'/>"
                + "<a href='javascript:alert(1)'><rect id='inside'/></a>"
                + "<set attributeName='href' to='javascript:alert(1)'/><animate attributeName='x'/></svg>");
        assertThat(out).doesNotContain("foreignObject").doesNotContain("evil.example").doesNotContain("javascript")
                .doesNotContain("<set").doesNotContain("<animate").doesNotContain("<a ")
                .contains("xlink:href=\"#local\"").contains("data:image/png;base64,").contains("<rect id=\"inside\"/>");
    }

    @Test
    void dropsStylesheetsThatImportOrEscape() throws Exception {
        String out = clean("<svg xmlns='http://www.w3.org/2000/svg'><style>@import url(https://evil.example/a.css);</style>"
                + "<style>.a{fill:#f00}</style><style>.b{background:u\\72l(https://evil.example)}</style></svg>");
        assertThat(out).contains(".a{fill:#f00}").doesNotContain("evil.example").doesNotContain("@import");
    }

    @Test
    void refusesEntityDeclarationsAndIgnoresAPlainDoctype() throws Exception {
        assertThatThrownBy(() -> clean("<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<svg xmlns='http://www.w3.org/2000/svg'><text>&x;</text></svg>"))
                .isInstanceOf(NotSvgException.class).hasMessageContaining("entities");
        String out = clean("<?xml version='1.0'?><!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' "
                + "'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd'><svg xmlns='http://www.w3.org/2000/svg'><g/></svg>");
        assertThat(out).doesNotContain("DOCTYPE").contains("<g/>");
    }

    @Test
    void dropsForeignNamespacesAndProcessingInstructions() throws Exception {
        String out = clean("<?xml-stylesheet href='https://evil.example/a.xsl'?><svg xmlns='http://www.w3.org/2000/svg'"
                + " xmlns:inkscape='http://www.inkscape.org/namespaces/inkscape' inkscape:version='1'>"
                + "<inkscape:grid/><!-- secret comment --><metadata>m</metadata><path d='M0 0h1'/></svg>");
        assertThat(out).doesNotContain("inkscape").doesNotContain("xml-stylesheet").doesNotContain("secret")
                .doesNotContain("metadata").contains("<path d=\"M0 0h1\"/>");
    }

    @Test
    void answersEmptyForWhatIsNotSvg() throws Exception {
        assertThat(SvgSanitizer.sanitize("hello, I am a text file".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(SvgSanitizer.sanitize("<html><body/></html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(SvgSanitizer.sanitize("<svg><unclosed>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(SvgSanitizer.sanitize(new byte[] { (byte) 0xC3, 0x28, '<', 's' })).isEmpty();
    }

    @Test
    void givesASvgWithoutNamespaceTheSvgNamespace() throws Exception {
        assertThat(clean("<svg width='4'><rect/></svg>")).contains("xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("width=\"4\"");
    }
}

package io.tidewatch.branding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.awt.Color;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.Browser;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Images;
import io.tidewatch.testing.Tenant;

/**
 * Logo and favicon: uploads checked by content (not name or declared type), SVG sanitized, limits kept, and the
 * public views that pick the organization by host or slug and fall back to the MSSP's own images.
 */
@QuarkusTest
class BrandingAssetTest {

    static Tenant northwind;
    static Tenant contoso;
    static final byte[] NORTHWIND_LOGO = Images.png(new Color(0x1E3A8A));
    static final byte[] CONTOSO_LOGO = Images.jpeg(new Color(0xB91C1C));

    @BeforeEach
    void twoBrandedTenants() {
        if (northwind != null) {
            return;
        }
        northwind = Fixtures.northwind();
        contoso = Fixtures.contoso();
        upload(northwind, "logo", "file", "northwind.png", "image/png", NORTHWIND_LOGO).then().statusCode(200)
                .body("custom_logo", equalTo(true));
        upload(contoso, "logo", "logo", "contoso.jpg", "image/jpeg", CONTOSO_LOGO).then().statusCode(200);
    }

    static Response upload(Tenant tenant, String kind, String field, String fileName, String type, byte[] bytes) {
        return given().header("Authorization", "Bearer " + tenant.adminKey()).header("X-Org-Id", tenant.id())
                .multiPart(field, fileName, bytes, type).put("/api/branding/" + kind);
    }

    static Response view(String kind, String host) {
        return Browser.at(host).get("/api/branding/" + kind + "/view");
    }

    @Test
    void servesEachTenantsLogoOnItsOwnHost() {
        Response north = view("logo", northwind.host());
        assertThat(north.statusCode()).isEqualTo(200);
        assertThat(north.contentType()).isEqualTo("image/png");
        assertThat(north.asByteArray()).isEqualTo(NORTHWIND_LOGO);

        Response con = view("logo", contoso.host() + ":3333");
        assertThat(con.contentType()).isEqualTo("image/jpeg");
        assertThat(con.asByteArray()).isEqualTo(CONTOSO_LOGO);

        Response byCase = view("logo", northwind.host().toUpperCase(java.util.Locale.ROOT));
        assertThat(byCase.asByteArray()).isEqualTo(NORTHWIND_LOGO);
    }

    @Test
    void servesTheMsspDefaultsOnAnUnknownHost() {
        Response logo = view("logo", "unknown-" + Fixtures.unique() + ".example.test");
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.contentType()).isEqualTo("image/svg+xml");
        assertThat(logo.asString()).contains("Tidewatch");
        assertThat(logo.header("Content-Security-Policy")).isEqualTo("default-src 'none'; style-src 'unsafe-inline'; sandbox");

        Response favicon = view("favicon", "unknown.example.test");
        assertThat(favicon.contentType()).isEqualTo("image/png");
        assertThat(favicon.asByteArray()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(view("favicon", northwind.host()).asByteArray()).isEqualTo(favicon.asByteArray());
    }

    @Test
    void picksTheOrganizationFromTheSlugParameter() {
        Response byParam = Browser.at("unknown.example.test").queryParam("org", contoso.slug()).get("/api/branding/logo/view");
        assertThat(byParam.asByteArray()).isEqualTo(CONTOSO_LOGO);
        Response unknownSlug = Browser.at(northwind.host()).queryParam("org", "no-such-" + Fixtures.unique())
                .get("/api/branding/logo/view");
        assertThat(unknownSlug.contentType()).isEqualTo("image/svg+xml");
    }

    @Test
    void sendsCachingAndSafetyHeadersAndHonoursIfNoneMatch() {
        Response first = view("logo", northwind.host());
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        assertThat(first.header("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(first.header("X-Content-Type-Options")).isEqualTo("nosniff");

        Response again = Browser.at(northwind.host()).header("If-None-Match", etag).get("/api/branding/logo/view");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(again.asByteArray()).isEmpty();

        Response weak = Browser.at(northwind.host()).header("If-None-Match", "\"other\", W/" + etag)
                .get("/api/branding/logo/view");
        assertThat(weak.statusCode()).isEqualTo(304);
        Response otherTenant = Browser.at(contoso.host()).header("If-None-Match", etag).get("/api/branding/logo/view");
        assertThat(otherTenant.statusCode()).isEqualTo(200);
    }

    @Test
    void storesAnSvgLogoWithoutScriptsHandlersForeignObjectsOrExternalLinks() {
        Tenant t = Fixtures.tenant("Adatum", 10);
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' onload='alert(1)'"
                + " viewBox='0 0 10 10'><script>alert(document.cookie)</script>"
                + "<foreignObject width='10' height='10'><iframe xmlns='http://www.w3.org/1999/xhtml' src='https://evil.test'/>"
                + "</foreignObject><use xlink:href='https://evil.test/x.svg#a'/><image href='https://evil.test/t.png'/>"
                + "<rect width='10' height='10' fill='#0F766E' onclick='steal()'/></svg>";
        upload(t, "logo", "image", "logo.svg", "image/svg+xml", Images.text(svg)).then().statusCode(200);
        Response stored = view("logo", t.host());
        assertThat(stored.contentType()).isEqualTo("image/svg+xml");
        assertThat(stored.header("Content-Security-Policy")).contains("default-src 'none'").contains("sandbox");
        String body = stored.asString();
        assertThat(body).contains("<rect").contains("fill=\"#0F766E\"").contains("viewBox=\"0 0 10 10\"");
        assertThat(body.toLowerCase(java.util.Locale.ROOT)).doesNotContain("script").doesNotContain("onload")
                .doesNotContain("onclick").doesNotContain("foreignobject").doesNotContain("evil.test")
                .doesNotContain("iframe").doesNotContain("alert");
    }

    @Test
    void detectsAPngNamedSvgAsPng() {
        Tenant t = Fixtures.tenant("Margie", 10);
        byte[] png = Images.png(Color.GREEN);
        upload(t, "logo", "file", "logo.svg", "image/svg+xml", png).then().statusCode(200);
        Response stored = view("logo", t.host());
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.asByteArray()).isEqualTo(png);
    }

    @Test
    void refusesATextFileNamedPngAndKeepsThePreviousLogo() {
        upload(northwind, "logo", "file", "logo.png", "image/png", Images.text("just some text, not an image"))
                .then().statusCode(400).body("success", equalTo(false))
                .body("message", startsWith("logo: must be a PNG, JPEG, WebP or SVG image"));
        assertThat(view("logo", northwind.host()).asByteArray()).isEqualTo(NORTHWIND_LOGO);
    }

    @Test
    void refusesAPngOrJpegCutShortAndKeepsThePreviousLogo() {
        byte[] png = Images.png(Color.BLUE);
        byte[] jpeg = Images.jpeg(Color.BLUE);
        upload(northwind, "logo", "file", "logo.png", "image/png", java.util.Arrays.copyOf(png, 8)).then()
                .statusCode(400).body("message", startsWith("logo: this file starts like a PNG image but cannot be read"));
        upload(northwind, "logo", "file", "logo.jpg", "image/jpeg", java.util.Arrays.copyOf(jpeg, 3)).then()
                .statusCode(400).body("message", startsWith("logo: this file starts like a JPEG image but cannot be read"));
        upload(northwind, "logo", "file", "logo.png", "image/png", java.util.Arrays.copyOf(png, png.length - 1)).then()
                .statusCode(400).body("message", startsWith("logo: this file starts like a PNG image but cannot be read"));
        upload(northwind, "logo", "file", "logo.jpg", "image/jpeg", java.util.Arrays.copyOf(jpeg, jpeg.length / 2))
                .then().statusCode(400)
                .body("message", startsWith("logo: this file starts like a JPEG image but cannot be read"));
        byte[] flipped = png.clone();
        flipped[png.length / 2] ^= 0x01;
        upload(northwind, "logo", "file", "logo.png", "image/png", flipped).then().statusCode(400);
        assertThat(view("logo", northwind.host()).asByteArray()).isEqualTo(NORTHWIND_LOGO);
    }

    @Test
    void refusesATooLargeLogoWith413AndKeepsThePreviousOne() {
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy(NORTHWIND_LOGO, 0, big, 0, NORTHWIND_LOGO.length);
        upload(northwind, "logo", "file", "huge.png", "image/png", big).then().statusCode(413)
                .body("message", equalTo("logo: must be at most 1 MiB"));
        assertThat(view("logo", northwind.host()).asByteArray()).isEqualTo(NORTHWIND_LOGO);
    }

    @Test
    void acceptsIcoPngAndSvgFaviconsWithinTheirOwnLimit() {
        Tenant t = Fixtures.tenant("Coho", 10);
        upload(t, "favicon", "file", "favicon.ico", "application/octet-stream", Images.ico()).then().statusCode(200)
                .body("custom_favicon", equalTo(true));
        assertThat(view("favicon", t.host()).contentType()).isEqualTo("image/x-icon");
        upload(t, "favicon", "file", "favicon.jpg", "image/jpeg", Images.jpeg(Color.RED)).then().statusCode(400)
                .body("message", equalTo("favicon: must be an ICO, PNG or SVG image (this file is a JPEG image)"));
        upload(t, "favicon", "file", "favicon.png", "image/png", new byte[256 * 1024 + 1]).then().statusCode(413)
                .body("message", equalTo("favicon: must be at most 256 KiB"));
        assertThat(view("favicon", t.host()).contentType()).isEqualTo("image/x-icon");
        upload(t, "logo", "file", "logo.ico", "image/x-icon", Images.ico()).then().statusCode(400)
                .body("message", startsWith("logo: must be a PNG, JPEG, WebP or SVG image (this file is an ICO icon)"));
    }

    @Test
    void refusesAnSvgThatDeclaresEntities() {
        Tenant t = Fixtures.tenant("Lucerne", 10);
        String xxe = "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<svg xmlns='http://www.w3.org/2000/svg'><text>&x;</text></svg>";
        upload(t, "logo", "file", "logo.svg", "image/svg+xml", xxe.getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("message", startsWith("logo: this SVG must not declare entities"));
    }

    @Test
    void requiresOneFilePart() {
        given().header("Authorization", "Bearer " + northwind.adminKey()).header("X-Org-Id", northwind.id())
                .multiPart("note", "not a file").put("/api/branding/logo").then().statusCode(400)
                .body("message", startsWith("logo: attach the image as a file part"));
        given().header("Authorization", "Bearer " + northwind.adminKey()).header("X-Org-Id", northwind.id())
                .contentType("application/json").body("{}").put("/api/branding/logo").then().statusCode(415);
    }

    @Test
    void removingALogoBringsBackTheDefault() {
        Tenant t = Fixtures.tenant("Humongous", 10);
        upload(t, "logo", "file", "logo.png", "image/png", Images.png(Color.ORANGE)).then().statusCode(200);
        t.asAdmin().delete("/api/branding/logo").then().statusCode(200).body("custom_logo", equalTo(false));
        assertThat(view("logo", t.host()).contentType()).isEqualTo("image/svg+xml");
    }

    @Test
    void aNewUploadChangesTheVersionInTheUrl() {
        Tenant t = Fixtures.tenant("Alpine", 10);
        String before = t.asAdmin().get("/api/branding").then().extract().path("logo_url");
        upload(t, "logo", "file", "logo.png", "image/png", Images.png(Color.PINK)).then().statusCode(200);
        String after = t.asAdmin().get("/api/branding").then().extract().path("logo_url");
        assertThat(after).isNotEqualTo(before).startsWith("/api/branding/logo/view?org=" + t.slug() + "&v=");
        assertThat(Browser.at("anything.example.test").get(after).asByteArray()).isEqualTo(Images.png(Color.PINK));
    }

    @Test
    void believesForwardedHostsOnlyFromTrustedProxies() {
        Response direct = Browser.at("unknown.example.test").header("X-Forwarded-Host", northwind.host())
                .get("/api/branding/logo/view");
        assertThat(direct.contentType()).as("a direct client cannot choose the tenant").isEqualTo("image/svg+xml");

        Response proxied = Browser.viaProxy("ingress.internal", Browser.uniqueClientAddress())
                .header("X-Forwarded-Host", northwind.host()).get("/api/branding/logo/view");
        assertThat(proxied.asByteArray()).isEqualTo(NORTHWIND_LOGO);

        Response forwarded = Browser.viaProxy("ingress.internal", Browser.uniqueClientAddress())
                .header("Forwarded", "for=192.0.2.60;proto=https;host=" + contoso.host()).get("/api/branding/logo/view");
        assertThat(forwarded.asByteArray()).isEqualTo(CONTOSO_LOGO);
    }
}

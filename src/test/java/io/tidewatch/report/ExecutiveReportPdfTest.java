package io.tidewatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.Response;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Images;

/** The PDF and HTML renderings carry the same figures as the JSON, in the tenant's brand, with names intact. */
@QuarkusTest
class ExecutiveReportPdfTest {

    private static final String PATH = "/api/reports/executive";
    private static final String NAME = "Łódź Logistics";
    private static final List<String> RATES = List.of("open_rate", "click_rate", "submit_rate", "report_rate");

    @Inject
    AgroalDataSource dataSource;

    private long orgId;

    @BeforeEach
    void seedOnce() throws SQLException {
        if (orgId == 0) {
            String slug = "lodz-" + Fixtures.unique();
            orgId = Fixtures.organization(Map.of("name", NAME, "slug", slug, "seat_cap", 50));
            ExecutiveFixture.seed(new ReportSeed(dataSource, orgId), slug + ".test");
            RestAssured.given().header("Authorization", "Bearer " + Api.ADMIN_KEY).header("X-Org-Id", orgId)
                    .multiPart("file", "logo.png", Images.png(Color.ORANGE), "image/png").put("/api/branding/logo")
                    .then().statusCode(200);
            Api.as(Api.ADMIN_KEY, orgId).body(Map.of("primary_color", "#FFE066", "support_email", "help@lodz.test"))
                    .put("/api/branding").then().statusCode(200);
        }
    }

    private Response fetch(String accept) {
        return Api.as(Api.ADMIN_KEY).accept(accept).queryParam("org_id", orgId).queryParam("from", ExecutiveFixture.FROM)
                .queryParam("to", ExecutiveFixture.TO).get(PATH);
    }

    private JsonPath json() {
        return fetch("application/json").then().statusCode(200).extract().jsonPath()
                .using(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.DOUBLE));
    }

    @Test
    void thePdfIsValidBrandedAndCarriesTheSameRatesAsTheJson() throws IOException {
        Response response = fetch("application/pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/pdf");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        byte[] bytes = response.asByteArray();
        // Kept for a person to look at (target/ only).
        Files.write(Path.of("target", "executive-report-sample.pdf"), bytes);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        JsonPath json = json();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(NAME).contains(ExecutiveFixture.ZOE_FIRST).contains(ExecutiveFixture.ZOE_LAST)
                    .contains("Payroll update").contains("Parcel notice").contains("help@lodz.test")
                    .contains("No training yet").contains("20 min").contains("37 min");
            for (String rate : RATES) {
                assertThat(text).as(rate).contains(percent(json.getDouble("summary." + rate)));
            }
            assertThat(firstPageImages(pdf.getPage(0))).as("the logo on the first page").isPositive();
            assertThat(fonts(pdf)).as("every font is embedded DejaVu Sans").isNotEmpty()
                    .allSatisfy(font -> assertThat(font).contains("DejaVuSans"));
        }
    }

    @Test
    void theHtmlPageCarriesTheSameNumbersAndTheLogo() {
        Response response = fetch("text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
        String html = response.asString();
        JsonPath json = json();
        for (String rate : RATES) {
            assertThat(html).as(rate).contains(percent(json.getDouble("summary." + rate)));
        }
        assertThat(html).contains(NAME).contains(ExecutiveFixture.ZOE_LAST).contains("data:image/png;base64,")
                .contains("#FFE066").contains("<svg");
    }

    @Test
    void withoutAcceptTheFiguresComeAsJson() {
        Api.as(Api.ADMIN_KEY).accept("*/*").queryParam("org_id", orgId).get(PATH).then().statusCode(200)
                .contentType("application/json");
        Api.as(Api.ADMIN_KEY).accept("image/png").queryParam("org_id", orgId).get(PATH).then().statusCode(406);
    }

    @Test
    void anOrganizationWithoutCampaignsOrBrandingGetsAValidPdfThatSaysSo() throws IOException {
        String slug = "quiet-" + Fixtures.unique();
        long quiet = Fixtures.organization(Map.of("name", "Zoë's Quiet Bakery", "slug", slug, "seat_cap", 5));
        byte[] bytes = Api.as(Api.ADMIN_KEY).accept("application/pdf").queryParam("org_id", quiet).get(PATH).then()
                .statusCode(200).extract().asByteArray();
        Files.write(Path.of("target", "executive-report-empty-sample.pdf"), bytes);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Zoë's Quiet Bakery").contains("No campaigns were launched in this period")
                    .contains("No training yet");
        }
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** The fonts of every page, marked "(not embedded)" where a viewer would have to substitute one. */
    private static List<String> fonts(PDDocument pdf) throws IOException {
        List<String> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                fonts.add(font.getName() + (font.isEmbedded() ? "" : " (not embedded)"));
            }
        }
        return fonts;
    }

    private static int firstPageImages(PDPage page) throws IOException {
        int images = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                images++;
            }
        }
        return images;
    }
}

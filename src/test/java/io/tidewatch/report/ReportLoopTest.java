package io.tidewatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;

/**
 * The MSSP's monthly automation, as its shell loop does it: list the organizations with the MSSP admin's key, then
 * fetch each one's executive PDF with only {@code Authorization} and {@code Accept: application/pdf}.
 */
@QuarkusTest
class ReportLoopTest {

    @TestHTTPResource("/")
    URL base;

    /**
     * Every organization gets a valid PDF; the two made here must be named in it exactly ("Zoë", "Łódź"): names other
     * tests give their organizations may hold characters the embedded fonts do not cover (CJK, emoji).
     */
    @Test
    void theMonthlyLoopGetsOneValidPdfPerOrganizationTheAdminSees() throws IOException, InterruptedException {
        String unique = Fixtures.unique();
        Fixtures.organization(Map.of("name", "Zoë Loop Alpha " + unique, "slug", "loop-a-" + unique, "seat_cap", 5));
        Fixtures.organization(Map.of("name", "Łódź Loop Beta " + unique, "slug", "loop-b-" + unique, "seat_cap", 5));
        HttpClient http = HttpClient.newHttpClient();
        String key = Api.ADMIN_KEY;
        JsonNode organizations = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(uri("api/organizations/"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(organizations.isArray()).isTrue();
        assertThat(organizations.size()).isGreaterThanOrEqualTo(2);

        Path dir = Files.createTempDirectory("exec-reports");
        String month = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT).format(LocalDate.now(ZoneOffset.UTC));
        List<String> failures = new ArrayList<>();
        for (JsonNode org : organizations) {
            long id = org.get("id").asLong();
            Path file = dir.resolve("exec-report-" + id + "-" + month + ".pdf");
            HttpResponse<Path> response = http.send(HttpRequest.newBuilder(uri("api/reports/executive?org_id=" + id))
                    .header("Authorization", "Bearer " + key).header("Accept", "application/pdf").build(),
                    HttpResponse.BodyHandlers.ofFile(file));
            if (response.statusCode() != 200) {
                failures.add(id + ": HTTP " + response.statusCode());
                continue;
            }
            try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                String name = org.get("name").asText().strip().replaceAll("\\s+", " ");
                boolean ours = name.contains(unique);
                if (pdf.getNumberOfPages() < 1 || (ours && !text.contains(name))) {
                    failures.add(id + ": the PDF does not name its organization");
                }
            }
        }
        assertThat(failures).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(organizations.size());
        }
    }

    private URI uri(String path) {
        return URI.create(base.toString() + path);
    }
}

package io.tidewatch.template;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** {@code /api/import/email}: a raw message becomes subject, text and HTML; links can point to {{.URL}}. */
@QuarkusTest
class EmailImportTest {

    static Tenant tenant;

    static final String RAW = "From: \"Bank\" <noreply@bank.example>\r\n"
            + "To: you@corp.example\r\n"
            + "Subject: =?UTF-8?B?S29udG8gZ2VzcGVycnQg4oCTIGJpdHRlIHByw7xmZW4=?=\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            + "Bitte pr=C3=BCfen: https://bank.example/login\r\n"
            + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            + "<p>Bitte <a href=\"https://bank.example/login\">hier</a> klicken</p>\r\n"
            + "--b1--\r\n";

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = Fixtures.northwind();
        }
    }

    @Test
    void importsSubjectTextAndHtml() {
        tenant.asAdmin().body(Map.of("content", RAW, "convert_links", false)).post("/api/import/email").then()
                .statusCode(200)
                .body("subject", equalTo("Konto gesperrt – bitte prüfen"))
                .body("text", containsString("Bitte prüfen: https://bank.example/login"))
                .body("html", containsString("href=\"https://bank.example/login\""));
    }

    @Test
    void pointsLinksToTheCampaignUrl() {
        tenant.asAdmin().body(Map.of("content", RAW, "convert_links", true)).post("/api/import/email").then()
                .statusCode(200)
                .body("html", containsString("href=\"{{.URL}}\""))
                .body("html", not(containsString("bank.example/login")));
    }

    @Test
    void answersGophishsMessages() {
        tenant.asAdmin().body("{").post("/api/import/email").then().statusCode(400)
                .body("message", equalTo("Error decoding JSON Request"));
        tenant.asAdmin().get("/api/import/email").then().statusCode(405).body("success", equalTo(false));
    }
}

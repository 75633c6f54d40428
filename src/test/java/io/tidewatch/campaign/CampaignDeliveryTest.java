package io.tidewatch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.tidewatch.campaign.CampaignFixtures.Kit;
import io.tidewatch.campaign.CampaignMaterials.AttachmentMaterial;
import io.tidewatch.campaign.CampaignMaterials.HeaderMaterial;
import io.tidewatch.campaign.CampaignMaterials.TargetMaterial;
import io.tidewatch.phishdoor.PhishDoor;
import io.tidewatch.testing.DoorClient;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.GreenMailResource;
import io.tidewatch.testing.Tenant;
import io.tidewatch.testing.Waiting;

/**
 * Campaigns against a real SMTP server (GreenMail): every recipient exactly once at scale, the message as Gophish
 * builds it, a whole campaign through the phishing door, and the official Python client's requests.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class CampaignDeliveryTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36";
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern PIXEL = Pattern.compile("src='([^']+)'");

    @Inject
    TestMaterials materials;

    @Inject
    PhishDoor door;

    @GreenMailResource.Inject
    GreenMail greenMail;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Tenant tenant;

    @BeforeEach
    void setUp() {
        if (tenant == null) {
            tenant = Fixtures.tenant("Delivery", 5000);
        }
    }

    @Test
    void deliversTwoThousandDistinctMessagesEachRecipientExactlyOnce() throws MessagingException {
        List<TargetMaterial> targets = CampaignFixtures.targets(2000);
        Kit kit = CampaignFixtures.kit(materials, tenant, smtp(), targets);
        long id = kit.launch("http://phish.example.test/");
        CampaignFixtures.awaitSettled(tenant, id, Duration.ofMinutes(3));
        Map<String, Integer> perRecipient = new HashMap<>();
        for (MimeMessage message : received()) {
            for (var to : message.getAllRecipients()) {
                String address = ((InternetAddress) to).getAddress();
                if (address.endsWith(targets.get(0).email().substring(targets.get(0).email().indexOf('-')))) {
                    perRecipient.merge(address, 1, Integer::sum);
                }
            }
        }
        assertThat(perRecipient).hasSize(2000);
        assertThat(perRecipient.values()).containsOnly(1);
        tenant.asAdmin().get("/api/campaigns/" + id + "/summary").then().statusCode(200)
                .body("stats.total", equalTo(2000)).body("stats.sent", equalTo(2000)).body("stats.error", equalTo(0));
    }

    @Test
    void buildsTheMessageAsGophishDoes() throws Exception {
        TargetMaterial zoe = new TargetMaterial("zoe-" + Fixtures.unique() + "@example.test", "Zoë", "Müller", "CFO");
        Kit base = CampaignFixtures.kit(materials, tenant, smtp(), List.of(zoe));
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                + "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        var template = materials.template(tenant.id(), "Rich " + Fixtures.unique(), "Mot de passe expiré, {{.FirstName}}",
                "Bonjour {{.FirstName}}, {{.URL}}", "<p>Bonjour {{.FirstName}}</p><img src=\"cid:logo.png\">",
                "Service Informatique <helpdesk@corp.example.test>",
                List.of(new AttachmentMaterial("logo.png", "image/png", Base64.getEncoder().encodeToString(png)),
                        new AttachmentMaterial("notice.txt", "text/plain",
                                Base64.getEncoder().encodeToString("read me".getBytes(StandardCharsets.UTF_8)))));
        var profile = materials.profile(tenant.id(), "Headers " + Fixtures.unique(), smtp(),
                "bounces@example.test", List.of(new HeaderMaterial("X-Campaign-Target", "{{.Email}}"),
                        new HeaderMaterial("X-Mailer", "Outlook 16")));
        long id = new Kit(tenant, template, base.page(), profile, base.group()).launch("http://phish.example.test/x");
        CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(20));
        MimeMessage message = received().stream().filter(m -> recipient(m).equals(zoe.email())).findFirst().orElseThrow();
        InternetAddress to = (InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo("Zoë Müller");
        assertThat(message.getHeader("To")[0]).startsWith("=?UTF-8?");
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("helpdesk@corp.example.test");
        assertThat(from.getPersonal()).isEqualTo("Service Informatique");
        assertThat(message.getSubject()).isEqualTo("Mot de passe expiré, Zoë");
        assertThat(message.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(message.getHeader("X-Mailer")).containsExactly("Outlook 16");
        assertThat(message.getHeader("X-Campaign-Target")).containsExactly(zoe.email());
        assertThat(message.getMessageID()).endsWith("@corp.example.test>");
        assertThat(message.getHeader("Return-Path")[0]).contains("bounces@example.test");
        Multipart mixed = (Multipart) message.getContent();
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        Multipart related = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/related");
        Multipart alternative = (Multipart) related.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        BodyPart logo = related.getBodyPart(1);
        assertThat(logo.getDisposition()).isEqualTo("inline");
        assertThat(logo.getHeader("Content-ID")).containsExactly("<logo.png>");
        assertThat(mixed.getBodyPart(1).getDisposition()).isEqualTo("attachment");
        assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("notice.txt");
    }

    @Test
    void runsACampaignEndToEndThroughThePhishingDoor() throws Exception {
        List<TargetMaterial> targets = CampaignFixtures.targets(3);
        Kit kit = CampaignFixtures.kit(materials, tenant, smtp(), targets);
        long id = kit.launch("http://127.0.0.1:" + door.port() + "/login");
        CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(20));
        for (int i = 0; i < targets.size(); i++) {
            String html = htmlOf(targets.get(i).email());
            String pixel = first(PIXEL, html);
            String link = first(LINK, html).replace("&amp;", "&");
            assertThat(link).startsWith("http://127.0.0.1:" + door.port() + "/login?rid=");
            assertThat(pixel).startsWith("http://127.0.0.1:" + door.port() + "/login/track?rid=");
            assertThat(send("GET", pixel, null).statusCode()).isEqualTo(200);
            if (i >= 1) {
                HttpResponse<String> page = send("GET", link, null);
                assertThat(page.body()).contains("Hello First" + (i + 1));
            }
            if (i == 2) {
                assertThat(send("POST", link, "username=carol&password=correct-horse").statusCode()).isEqualTo(200);
            }
        }
        Waiting.until("the funnel is recorded", Duration.ofSeconds(10), () -> CampaignFixtures.results(tenant, id)
                .getList("timeline").size() >= 1 + 3 + 3 + 2 + 1);
        tenant.asAdmin().get("/api/campaigns/" + id + "/summary").then().statusCode(200)
                .body("stats.total", equalTo(3)).body("stats.sent", equalTo(3)).body("stats.opened", equalTo(3))
                .body("stats.clicked", equalTo(2)).body("stats.submitted_data", equalTo(1))
                .body("stats.email_reported", equalTo(0)).body("stats.error", equalTo(0));
        JsonPath results = CampaignFixtures.results(tenant, id);
        assertThat(results.getList("results.status")).containsExactly("Email Opened", "Clicked Link", "Submitted Data");
        String everything = tenant.asAdmin().get("/api/campaigns/").asString();
        assertThat(everything).contains("carol").doesNotContain("correct-horse");
    }

    @Test
    void templatesTheCampaignUrlPerRecipientAndTheDoorStillAnswersIt() throws Exception {
        List<TargetMaterial> targets = CampaignFixtures.targets(2);
        Kit base = CampaignFixtures.kit(materials, tenant, smtp(), targets);
        var page = materials.page(tenant.id(), "Templated " + Fixtures.unique(), "<html><body><a href=\"{{.URL}}\">again"
                + "</a><form method=\"post\"><input name=\"username\"></form></body></html>", true, false,
                "{{.BaseURL}}/done");
        String origin = "http://127.0.0.1:" + door.port();
        long id = new Kit(tenant, base.template(), page, base.profile(), base.group())
                .launch(origin + "/{{.FirstName | urlquery}}/login?e={{.Email}}");
        CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(20));
        for (TargetMaterial target : targets) {
            String link = first(LINK, htmlOf(target.email())).replace("&amp;", "&");
            assertThat(link).startsWith(origin + "/" + target.firstName() + "/login?e="
                    + target.email().replace("@", "%40") + "&rid=");
            HttpResponse<String> landing = send("GET", link, null);
            assertThat(landing.statusCode()).isEqualTo(200);
            assertThat(landing.body()).contains("href=\"" + link.replace("&", "&amp;") + "\"");
            HttpResponse<String> submitted = send("POST", link, "username=someone");
            assertThat(submitted.statusCode()).isEqualTo(302);
            assertThat(submitted.headers().firstValue("Location")).contains(origin + "/done");
        }
        Waiting.until("both submissions recorded", Duration.ofSeconds(10), () -> tenant.asAdmin()
                .get("/api/campaigns/" + id + "/summary").then().extract().jsonPath()
                .getInt("stats.submitted_data") == 2);
    }

    @Test
    void acceptsTheOfficialPythonClientsRequests() throws Exception {
        Kit kit = CampaignFixtures.kit(materials, tenant, smtp(), CampaignFixtures.targets(2));
        String now = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(30).withNano(868_104_000).toString()
                .replace("Z", "+00:00");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Python " + Fixtures.unique());
        body.put("created_date", now);
        body.put("launch_date", now);
        body.put("template", Map.of("name", kit.template().name(), "modified_date", now));
        body.put("page", Map.of("name", kit.page().name(), "modified_date", now, "capture_credentials", false,
                "capture_passwords", false));
        body.put("smtp", Map.of("interface_type", "SMTP", "name", kit.profile().name(), "ignore_cert_errors", false,
                "modified_date", now));
        body.put("url", "http://phish.example.test/");
        body.put("groups", List.of(Map.of("name", kit.group().name(), "modified_date", now)));
        assertThat(now).matches(".*\\.868104\\+00:00");
        long id = tenant.asAdmin().body(body).post("/api/campaigns/").then().statusCode(201)
                .body("status", equalTo("In progress")).extract().jsonPath().getLong("id");
        tenant.asAdmin().get("/api/campaigns/" + id + "/complete").then().statusCode(200);
        HttpResponse<String> deleted = raw("DELETE", "/api/campaigns//" + id);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(JsonPath.from(deleted.body()).getString("message")).isEqualTo("Campaign deleted successfully!");
        assertThat(raw("GET", "/api/campaigns/" + id).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> raw(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + tenant.adminKey()).header("X-Org-Id", Long.toString(tenant.id()))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String url, String form) {
        return new DoorClient(door.port()).sendTo(method, url, form, BROWSER);
    }

    private String smtp() {
        return "127.0.0.1:" + greenMail.getSmtp().getPort();
    }

    private List<MimeMessage> received() {
        return new ArrayList<>(List.of(greenMail.getReceivedMessages()));
    }

    @Test
    void aCampaignBuiltFromTheTenantsOwnResourcesIsSentAndTracked() throws Exception {
        Tenant own = Fixtures.tenant("Resources", 50);
        String suffix = Fixtures.unique();
        own.asAdmin().body(Map.of("name", "relay", "interface_type", "SMTP", "host",
                "127.0.0.1:" + greenMail.getSmtp().getPort(), "from_address", "it@resources.example.test"))
                .post("/api/smtp/").then().statusCode(201);
        own.asAdmin().body(Map.of("name", "notice", "subject", "Action needed{{if .FirstName}}, {{.FirstName}}{{end}}",
                "text", "Open {{.URL}}", "html", "<p>{{if .FirstName}}Dear {{.FirstName}}{{else}}Hello{{end}},"
                        + " <a href=\"{{.URL}}\">review</a></p>{{.Tracker}}"))
                .post("/api/templates/").then().statusCode(201);
        own.asAdmin().body(Map.of("name", "login", "html", "<html><body><form><input name=\"user\"></form></body></html>"))
                .post("/api/pages/").then().statusCode(201);
        String ana = "ana-" + suffix + "@resources.example.test";
        String ben = "ben-" + suffix + "@resources.example.test";
        own.asAdmin().body(Map.of("name", "staff", "targets", List.of(
                Map.of("email", ana, "first_name", "Ana", "last_name", "Lind", "position", "CFO"),
                Map.of("email", ben, "first_name", "", "last_name", "", "position", ""))))
                .post("/api/groups/").then().statusCode(201);
        long campaign = own.asAdmin().body(Map.of("name", "real resources", "template", Map.of("name", "notice"),
                "page", Map.of("name", "login"), "smtp", Map.of("name", "relay"),
                "url", "http://127.0.0.1:" + door.port() + "/login", "groups", List.of(Map.of("name", "staff"))))
                .post("/api/campaigns/").then().statusCode(201).extract().jsonPath().getLong("id");

        Waiting.until("both messages at the SMTP server", Duration.ofSeconds(30),
                () -> received().stream().filter(m -> recipient(m).equals(ana) || recipient(m).equals(ben)).count() == 2);
        MimeMessage toAna = received().stream().filter(m -> recipient(m).equals(ana)).findFirst().orElseThrow();
        assertThat(toAna.getSubject()).isEqualTo("Action needed, Ana");
        assertThat(htmlOf(ana)).contains("Dear Ana");
        assertThat(htmlOf(ben)).contains("Hello,");

        HttpResponse<String> pixel = http.send(HttpRequest.newBuilder(URI.create(first(PIXEL, htmlOf(ana))))
                .header("User-Agent", BROWSER).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pixel.statusCode()).isEqualTo(200);
        Waiting.until("the open recorded", Duration.ofSeconds(10), () -> own.asAdmin()
                .get("/api/campaigns/" + campaign + "/summary").then().extract().jsonPath().getInt("stats.opened") == 1);
        own.asAdmin().get("/api/campaigns/" + campaign + "/summary").then().statusCode(200)
                .body("stats.total", equalTo(2)).body("stats.sent", equalTo(2));
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String htmlOf(String email) throws Exception {
        MimeMessage message = received().stream().filter(m -> recipient(m).equals(email)).findFirst().orElseThrow();
        Multipart alternative = (Multipart) message.getContent();
        return GreenMailUtil.getBody(alternative.getBodyPart(1)).replace("=\r\n", "").replace("=3D", "=");
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in %s", pattern, text).isTrue();
        return m.group(1);
    }
}

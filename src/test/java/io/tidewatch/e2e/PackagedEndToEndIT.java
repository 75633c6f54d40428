package io.tidewatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tidewatch.testing.Images;

/**
 * The main job, end to end, on real components only: the packaged PostgreSQL build in a process of its own,
 * configured from the environment; a real SMTP server (GreenMail, in this JVM, so a process apart from the service)
 * receiving every message; Debian's headless Chromium as the employee. An MSSP onboards two clients as in the seed,
 * brands them, fills their seats, runs a phishing campaign in each through the Gophish API, the employees open, click
 * and give away a password, the MSSP impersonates one client for a ticket, and the monthly report loop produces one
 * PDF per client with that client's own figures. Each step is logged; a failing one names itself, and the service's
 * log, the PDFs, the messages and the browser's last page are kept under {@code target/e2e/}.
 */
class PackagedEndToEndIT {

    private static final Logger LOG = Logger.getLogger(PackagedEndToEndIT.class);
    private static final Path WORK = Path.of("target", "e2e");
    private static final String ADMIN = PackagedService.ADMIN_KEY;
    private static final int SEAT_CAP = 5;

    private static GreenMail smtp;
    private static PackagedService service;
    private static EmployeeBrowser browser;
    private static String failedStep;

    /** One client organization as the run knows it. */
    private static final class Client {
        final String name;
        final String slug;
        final String host;
        final String domain;
        final String primaryColor;
        final List<String> recipients;
        long id;
        String adminKey;
        long campaignId;
        final Map<String, String> ridByEmail = new LinkedHashMap<>();

        Client(String name, String slug, String domain, String primaryColor, List<String> recipients) {
            this.name = name;
            this.slug = slug;
            this.host = slug + ".sat.example-mssp.com";
            this.domain = domain;
            this.primaryColor = primaryColor;
            this.recipients = recipients;
        }

        RequestSpecification asAdmin() {
            return api(adminKey).header("X-Org-Id", id);
        }
    }

    private static final Client NORTHWIND = new Client("Northwind Trading", "northwind", "northwind.example.com",
            "#1F4E79", List.of("ana.silva@northwind.example.com", "ben.okafor@northwind.example.com"));
    private static final Client FABRIKAM = new Client("Fabrikam Logistics", "fabrikam", "fabrikam.example.com",
            "#7A1F3D", List.of("chloe.martin@fabrikam.example.com", "dev.patel@fabrikam.example.com"));

    @BeforeAll
    static void startTheWorld() throws IOException {
        Files.createDirectories(WORK);
        int smtpPort = PackagedService.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("relay@sat.example-mssp.com", "relay", "relay-password");
        smtp.start();
        String jdbcUrl = env("TIDEWATCH_E2E_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/tidewatch_e2e");
        service = PackagedService.start(jdbcUrl, env("TIDEWATCH_E2E_DB_USER", "postgres"), smtpPort, WORK);
        LOG.infof("e2e: packaged service ready in %d ms (admin %s, phishing %s, SMTP 127.0.0.1:%d, %s)",
                service.startup().toMillis(), service.adminUrl(), service.phishUrl(), smtpPort, jdbcUrl);
        RestAssured.baseURI = service.adminUrl();
        RestAssured.port = service.adminPort();
        // A refused call prints what was sent and what came back, so a failure explains itself.
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        browser = EmployeeBrowser.start();
    }

    @AfterAll
    static void stopTheWorld() {
        if (failedStep != null && service != null) {
            LOG.errorf("e2e: FAILED at step \"%s\"; the service's log ends with:%n%s", failedStep, service.logTail(80));
        }
        if (browser != null) {
            browser.close();
        }
        if (service != null) {
            service.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void anMsspRunsTwoClientsFromOnboardingToTheMonthlyReport() throws Exception {
        long started = System.nanoTime();
        step("two client organizations created as in the seed", () -> {
            createOrganization(NORTHWIND);
            createOrganization(FABRIKAM);
        });
        step("each branded with its colours and logo (PNG and SVG)", () -> {
            brand(NORTHWIND, "logo.png", Images.png(new Color(0x1F4E79)), "image/png");
            brand(FABRIKAM, "logo.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\">"
                    + "<rect width=\"64\" height=\"64\" fill=\"#7A1F3D\"/></svg>").getBytes(StandardCharsets.UTF_8),
                    "image/svg+xml");
        });
        step("members added, each invited by e-mail in the client's name", () -> {
            addMembers(NORTHWIND);
            addMembers(FABRIKAM);
        });
        step("a group imported from a CSV file fills the seat cap; the next member is refused with 402", () -> {
            importGroup(NORTHWIND);
            importGroup(FABRIKAM);
            refuseOneMoreMember(NORTHWIND);
            refuseOneMoreMember(FABRIKAM);
        });
        step("template, landing page and sending profile through the Gophish API; a campaign launched in each", () -> {
            launchCampaign(NORTHWIND, "Your mailbox is almost full");
            launchCampaign(FABRIKAM, "Shipment held at customs");
        });
        step("the SMTP server receives one phishing e-mail per recipient", () -> {
            awaitDelivered(NORTHWIND);
            awaitDelivered(FABRIKAM);
        });
        step("employees in Chromium open the e-mail, follow the link and submit the form", () -> {
            // People do not click within seconds of delivery; the listener flags such clicks as mail scanners.
            PackagedService.sleep(Duration.ofSeconds(6));
            // Northwind: Ana opens, clicks and submits; Ben only opens. Fabrikam: Chloé does all three, Dev nothing.
            actAsEmployee(NORTHWIND, NORTHWIND.recipients.get(0), true);
            actAsEmployee(NORTHWIND, NORTHWIND.recipients.get(1), false);
            actAsEmployee(FABRIKAM, FABRIKAM.recipients.get(0), true);
        });
        step("results and summary show opened, clicked and submitted for those recipients", () -> {
            awaitResults(NORTHWIND, Map.of(NORTHWIND.recipients.get(0), "Submitted Data", NORTHWIND.recipients.get(1),
                    "Email Opened"), 2, 2, 1, 1);
            awaitResults(FABRIKAM, Map.of(FABRIKAM.recipients.get(0), "Submitted Data", FABRIKAM.recipients.get(1),
                    "Email Sent"), 2, 1, 1, 1);
            capturedPasswordsAreRedacted(NORTHWIND);
        });
        step("nothing of one client appears in the other", () -> {
            seesNothingOf(NORTHWIND, FABRIKAM);
            seesNothingOf(FABRIKAM, NORTHWIND);
        });
        step("an impersonation started and ended shows in the client's audit log", this::impersonate);
        step("the report loop downloads one PDF per client naming it and its own figures", this::reportLoop);
        step("every message went to the SMTP server", () -> {
            // Three invitations and two phishing e-mails per client.
            assertThat(smtp.getReceivedMessages()).as("messages received by the SMTP server").hasSize(10);
        });
        LOG.infof("e2e: PASSED, all steps in %d s", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    // ---- steps ----------------------------------------------------------------------------------------------

    private static void createOrganization(Client client) {
        JsonPath org = api(ADMIN).body(Map.of("name", client.name, "slug", client.slug, "seat_cap", SEAT_CAP,
                "support_url", "https://help." + client.domain, "host", client.host))
                .post("/api/organizations/").then().statusCode(201).extract().jsonPath();
        client.id = org.getLong("id");
        assertThat(org.getString("host")).isEqualTo(client.host);
        assertThat(org.getInt("seats_used")).as("an MSSP admin creating an organization takes no seat").isZero();
    }

    private static void brand(Client client, String fileName, byte[] logo, String type) {
        JsonPath branding = api(ADMIN).header("X-Org-Id", client.id)
                .body(Map.of("primary_color", client.primaryColor, "secondary_color", "#F2F2F2", "from_name",
                        client.name + " IT", "support_email", "it-help@" + client.domain))
                .put("/api/branding").then().statusCode(200).extract().jsonPath();
        assertThat(branding.getString("primary_color")).isEqualToIgnoringCase(client.primaryColor);
        RestAssured.given().header("Authorization", "Bearer " + ADMIN).header("X-Org-Id", client.id)
                .multiPart("file", fileName, logo, type).put("/api/branding/logo").then().statusCode(200);
        Response view = RestAssured.given().queryParam("org", client.slug).get("/api/branding/logo/view");
        assertThat(view.statusCode()).as("the public logo of %s", client.name).isEqualTo(200);
        assertThat(view.contentType()).startsWith(type);
        String login = RestAssured.given().header("Host", client.host).redirects().follow(false).get("/login").then()
                .statusCode(200).extract().asString();
        assertThat(login).as("the login page on %s", client.host).contains(client.name)
                .containsIgnoringCase(client.primaryColor);
    }

    private static void addMembers(Client client) throws MessagingException {
        String[][] people = { { "it-admin", "admin" }, { "security-lead", "operator" }, { "reader", "viewer" } };
        for (String[] person : people) {
            JsonPath account = createAccount(person[0] + "@" + client.domain);
            api(ADMIN).body(Map.of("user_id", account.getLong("id"), "role", person[1]))
                    .post("/api/organizations/" + client.id + "/members").then().statusCode(201);
            if (person[1].equals("admin")) {
                client.adminKey = account.getString("api_key");
            }
        }
        for (String[] person : people) {
            MimeMessage invitation = awaitMessageTo(person[0] + "@" + client.domain);
            InternetAddress from = (InternetAddress) invitation.getFrom()[0];
            assertThat(from.getPersonal()).as("the invitation's sender name").isEqualTo(client.name + " IT");
        }
        assertThat(seatsUsed(client)).isEqualTo(3);
    }

    private static void importGroup(Client client) throws MessagingException {
        StringBuilder csv = new StringBuilder("\uFEFFFirst Name;Last Name;Email;Position\r\n");
        for (String email : client.recipients) {
            String local = email.substring(0, email.indexOf('@'));
            String[] names = local.split("\\.");
            csv.append(capitalized(names[0])).append(';').append(capitalized(names[1])).append(';').append(email)
                    .append(";Accounts\r\n");
        }
        Path file = WORK.resolve(client.slug + "-people.csv");
        writeFile(file, csv.toString().getBytes(StandardCharsets.UTF_8));
        List<Map<String, Object>> targets = RestAssured.given().header("Authorization", "Bearer " + client.adminKey)
                .header("X-Org-Id", client.id).multiPart("file", file.toFile(), "text/csv").post("/api/import/group")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(targets).extracting(t -> t.get("email")).containsExactlyElementsOf(client.recipients);
        client.asAdmin().body(Map.of("name", "Accounts department", "targets", targets)).post("/api/groups/").then()
                .statusCode(201);
        assertThat(seatsUsed(client)).as("seats used: three members and two recipients").isEqualTo(SEAT_CAP);
    }

    private static void refuseOneMoreMember(Client client) {
        JsonPath account = createAccount("one-too-many@" + client.domain);
        Response refused = api(ADMIN).body(Map.of("user_id", account.getLong("id"), "role", "learner"))
                .post("/api/organizations/" + client.id + "/members");
        assertThat(refused.statusCode()).as("adding a member beyond the seat cap").isEqualTo(402);
        assertThat(refused.jsonPath().getString("message")).contains(Integer.toString(SEAT_CAP));
        assertThat(seatsUsed(client)).isEqualTo(SEAT_CAP);
    }

    private static void launchCampaign(Client client, String subject) {
        client.asAdmin().body(Map.of("name", "Mailbox notice", "subject", subject + ", {{.FirstName}}",
                "envelope_sender", "IT Service Desk <it@" + client.domain + ">",
                "text", "Hello {{.FirstName}}, keep your mailbox: {{.URL}}",
                "html", "<html><body><p>Hello {{.FirstName}} {{.LastName}},</p><p>" + subject + ".</p>"
                        + "<p><a href=\"{{.URL}}\">Review it now</a></p>{{.Tracker}}</body></html>"))
                .post("/api/templates/").then().statusCode(201);
        client.asAdmin().body(Map.of("name", "Sign-in page", "capture_credentials", true, "capture_passwords", true,
                "html", "<html><head><title>Sign in</title></head><body><h1>Sign in, {{.FirstName}}</h1>"
                        + "<form method=\"post\"><label>User <input name=\"username\"></label>"
                        + "<label>Password <input type=\"password\" name=\"password\"></label>"
                        + "<input type=\"submit\" value=\"Sign in\"></form></body></html>"))
                .post("/api/pages/").then().statusCode(201);
        client.asAdmin().body(Map.of("name", "Relay", "interface_type", "SMTP", "host", "127.0.0.1:" + smtp.getSmtp()
                .getPort(), "from_address", "it@" + client.domain, "username", "relay",
                "password", "relay-password", "ignore_cert_errors", true))
                .post("/api/smtp/").then().statusCode(201);
        client.campaignId = client.asAdmin().body(Map.of("name", "Mailbox notice " + client.slug, "template",
                Map.of("name", "Mailbox notice"), "page", Map.of("name", "Sign-in page"), "smtp", Map.of("name",
                        "Relay"),
                "url", service.phishUrl(), "groups", List.of(Map.of("name", "Accounts department"))))
                .post("/api/campaigns/").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void awaitDelivered(Client client) throws MessagingException {
        for (String email : client.recipients) {
            MimeMessage message = awaitMessageTo(email);
            String html = html(message);
            assertThat(html).as("the phishing e-mail to %s", email).contains(service.phishUrl() + "/track?rid=");
            String rid = html.replaceAll("(?s).*[?&]rid=([A-Za-z0-9_-]+).*", "$1");
            client.ridByEmail.put(email, rid);
            writeFile(WORK.resolve("message-" + rid + ".html"), html.getBytes(StandardCharsets.UTF_8));
        }
        until("every result of " + client.name + " is Email Sent", Duration.ofSeconds(60),
                () -> results(client).getList("results.status").stream().allMatch("Email Sent"::equals));
        assertThat(results(client).getList("results.id", String.class))
                .containsExactlyInAnyOrderElementsOf(client.ridByEmail.values());
    }

    private static void actAsEmployee(Client client, String email, boolean fallsForIt) {
        String rid = client.ridByEmail.get(email);
        try {
            browser.openFile(WORK.resolve("message-" + rid + ".html").toAbsolutePath());
            if (fallsForIt) {
                browser.clickLinkContaining("rid=" + rid);
                assertThat(browser.currentUrl()).startsWith(service.phishUrl());
                assertThat(browser.pageText()).contains("Sign in");
                browser.type("input[name=username]", email);
                browser.type("input[type=password]", "Summer2026!");
                browser.submitFormOf("input[type=password]");
            }
        } catch (RuntimeException | AssertionError e) {
            browser.keepEvidence(WORK, "browser-" + client.slug);
            throw e;
        }
    }

    private static void awaitResults(Client client, Map<String, String> statusByEmail, int sent, int opened,
            int clicked, int submitted) {
        until(client.name + "'s results reach " + statusByEmail, Duration.ofSeconds(60), () -> {
            JsonPath results = results(client);
            return statusByEmail.entrySet().stream().allMatch(e -> e.getValue()
                    .equals(results.getString("results.find { it.email == '" + e.getKey() + "' }.status")));
        });
        JsonPath stats = client.asAdmin().get("/api/campaigns/" + client.campaignId + "/summary").then().statusCode(200)
                .extract().jsonPath();
        assertThat(stats.getInt("stats.total")).as("total").isEqualTo(client.recipients.size());
        assertThat(stats.getInt("stats.sent")).as("sent").isEqualTo(sent);
        assertThat(stats.getInt("stats.opened")).as("opened").isEqualTo(opened);
        assertThat(stats.getInt("stats.clicked")).as("clicked").isEqualTo(clicked);
        assertThat(stats.getInt("stats.submitted_data")).as("submitted").isEqualTo(submitted);
        JsonPath results = results(client);
        String clicker = statusByEmail.entrySet().stream().filter(e -> e.getValue().equals("Submitted Data"))
                .findFirst().orElseThrow().getKey();
        List<String> timeline = results.getList("timeline.findAll { it.email == '" + clicker + "' }.message");
        assertThat(timeline).as("%s's timeline", clicker).contains("Email Sent", "Email Opened", "Clicked Link",
                "Submitted Data");
        List<String> details = results.getList("timeline.findAll { it.email == '" + clicker + "' }.details");
        assertThat(String.join("\n", details)).as("no event of a person is flagged as a bot")
                .doesNotContain("flagged_as_bot");
    }

    private static void capturedPasswordsAreRedacted(Client client) {
        String all = client.asAdmin().get("/api/campaigns/" + client.campaignId + "/results").asString();
        assertThat(all).as("the captured submission").contains("[redacted: 11 characters]")
                .doesNotContain("Summer2026!");
    }

    private static void seesNothingOf(Client viewer, Client other) {
        String mine = viewer.asAdmin().get("/api/campaigns/" + viewer.campaignId + "/results").asString()
                + viewer.asAdmin().get("/api/campaigns/").asString()
                + viewer.asAdmin().get("/api/groups/").asString()
                + viewer.asAdmin().get("/api/audit").asString();
        for (String email : other.recipients) {
            assertThat(mine).as("%s's data", viewer.name).doesNotContain(email);
        }
        for (String rid : other.ridByEmail.values()) {
            assertThat(mine).as("%s's data", viewer.name).doesNotContain(rid);
        }
        assertThat(mine).doesNotContain(other.domain);
        // The other client's admin cannot act in this organization at all.
        api(other.adminKey).header("X-Org-Id", viewer.id).get("/api/campaigns/").then().statusCode(403);
        // Each client's people got only their own client's e-mails.
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String to = recipient(message);
            if (to.endsWith("@" + viewer.domain)) {
                String body = quietly(() -> html(message) + message.getSubject());
                for (String rid : other.ridByEmail.values()) {
                    assertThat(body).as("the e-mail to %s", to).doesNotContain(rid);
                }
            }
        }
    }

    private void impersonate() {
        JsonPath started = api(ADMIN).body(Map.of("org_id", NORTHWIND.id, "reason",
                "Ticket 4711: the client cannot find its results", "minutes", 15)).post("/api/impersonations")
                .then().statusCode(201).extract().jsonPath();
        long id = started.getLong("id");
        String token = started.getString("token");
        assertThat(started.getString("status")).isEqualTo("active");
        assertThat(api(token).get("/api/campaigns/").jsonPath().getList("id", Long.class))
                .as("the impersonation sees Northwind's campaigns").containsExactly(NORTHWIND.campaignId);
        api(token).header("X-Org-Id", FABRIKAM.id).get("/api/campaigns/").then().statusCode(403);
        api(ADMIN).post("/api/impersonations/" + id + "/end").then().statusCode(200);
        api(token).get("/api/campaigns/").then().statusCode(401);
        JsonPath audit = NORTHWIND.asAdmin().queryParam("action", "impersonate").get("/api/audit").then()
                .statusCode(200).extract().jsonPath();
        assertThat(audit.getList("entries.action", String.class)).as("Northwind's own audit log")
                .contains("impersonate.start", "impersonate.end");
        assertThat(audit.getString("entries.find { it.action == 'impersonate.start' }.details"))
                .contains("Ticket 4711");
        JsonPath theirs = FABRIKAM.asAdmin().queryParam("action", "impersonate").get("/api/audit").then()
                .statusCode(200).extract().jsonPath();
        assertThat(theirs.getList("entries")).as("Fabrikam's audit log has no impersonation").isEmpty();
    }

    private void reportLoop() throws IOException {
        List<Long> ids = api(ADMIN).get("/api/organizations/").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class);
        assertThat(ids).containsExactlyInAnyOrder(NORTHWIND.id, FABRIKAM.id);
        for (long id : ids) {
            Client client = id == NORTHWIND.id ? NORTHWIND : FABRIKAM;
            Client other = client == NORTHWIND ? FABRIKAM : NORTHWIND;
            long start = System.nanoTime();
            Response pdf = api(ADMIN).accept("application/pdf").queryParam("org_id", id)
                    .get("/api/reports/executive");
            assertThat(pdf.statusCode()).as("the executive PDF of %s", client.name).isEqualTo(200);
            assertThat(pdf.contentType()).startsWith("application/pdf");
            byte[] bytes = pdf.asByteArray();
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            Files.write(WORK.resolve("exec-report-" + id + ".pdf"), bytes);
            JsonPath figures = api(ADMIN).accept(ContentType.JSON).queryParam("org_id", id)
                    .get("/api/reports/executive").then().statusCode(200).extract().jsonPath()
                    .using(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.DOUBLE));
            assertThat(figures.getInt("summary.emails_sent")).isEqualTo(2);
            String text;
            try (PDDocument document = Loader.loadPDF(bytes)) {
                text = new PDFTextStripper().getText(document);
            }
            Files.writeString(WORK.resolve("exec-report-" + id + ".txt"), text, StandardCharsets.UTF_8);
            assertThat(text).as("the PDF of %s", client.name).contains(client.name).doesNotContain(other.name);
            assertThat(text).as("the funnel in the PDF of %s", client.name)
                    .contains("Sent " + figures.getInt("summary.emails_sent"))
                    .contains("Opened " + figures.getInt("summary.opened"))
                    .contains("Clicked " + figures.getInt("summary.clicked"))
                    .contains("Submitted data " + figures.getInt("summary.submitted"))
                    .contains("help." + client.domain);
            for (String rate : List.of("open_rate", "click_rate", "submit_rate")) {
                assertThat(text).as("%s's %s in its PDF", client.name, rate)
                        .contains(percent(figures.getDouble("summary." + rate)));
            }
            LOG.infof("e2e: executive PDF of organization %d: %d bytes in %d ms, open %s, click %s, submit %s", id,
                    bytes.length, millis, percent(figures.getDouble("summary.open_rate")),
                    percent(figures.getDouble("summary.click_rate")), percent(figures.getDouble("summary.submit_rate")));
        }
        assertThat(percentOf(NORTHWIND, "open_rate")).isEqualTo("100.0%");
        assertThat(percentOf(FABRIKAM, "open_rate")).isEqualTo("50.0%");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** A step of the run. */
    @FunctionalInterface
    private interface Step {

        void run() throws Exception;
    }

    private static void step(String name, Step step) throws Exception {
        long start = System.nanoTime();
        LOG.infof("e2e: %s ...", name);
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            failedStep = name;
            LOG.errorf("e2e: FAILED at step \"%s\": %s", name, e.getMessage());
            throw new AssertionError("end-to-end step failed: " + name + ": " + e.getMessage(), e);
        }
        LOG.infof("e2e: ok, %s (%d ms)", name, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private static RequestSpecification api(String key) {
        return RestAssured.given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    private static JsonPath createAccount(String username) {
        return api(ADMIN).body(Map.of("username", username, "password", "a-long-enough-password", "platform_role",
                "client")).post("/api/accounts").then().statusCode(201).extract().jsonPath();
    }

    private static int seatsUsed(Client client) {
        return api(ADMIN).get("/api/organizations/" + client.id).then().statusCode(200).extract().jsonPath()
                .getInt("seats_used");
    }

    private static JsonPath results(Client client) {
        return client.asAdmin().get("/api/campaigns/" + client.campaignId + "/results").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String percentOf(Client client, String rate) {
        return percent(api(ADMIN).queryParam("org_id", client.id).get("/api/reports/executive").then().statusCode(200)
                .extract().jsonPath().using(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.DOUBLE))
                .getDouble("summary." + rate));
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    private static MimeMessage awaitMessageTo(String email) {
        List<MimeMessage> found = new ArrayList<>();
        until("the SMTP server has received a message to " + email, Duration.ofSeconds(60), () -> {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (recipient(message).equalsIgnoreCase(email)) {
                    found.add(message);
                    return true;
                }
            }
            return false;
        });
        return found.get(0);
    }

    private static String recipient(MimeMessage message) {
        return quietly(() -> ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress());
    }

    private static String html(Part part) throws MessagingException {
        try {
            if (part.isMimeType("text/html")) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String html = html(body);
                    if (!html.isEmpty()) {
                        return html;
                    }
                }
            }
            return "";
        } catch (IOException e) {
            throw new MessagingException("unreadable message part", e);
        }
    }

    /** A value that may throw, read where a failure is a test failure. */
    @FunctionalInterface
    private interface Read {

        String get() throws Exception;
    }

    private static String quietly(Read read) {
        try {
            return read.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void until(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("timed out after " + timeout.toSeconds() + " s waiting until " + what);
            }
            PackagedService.sleep(Duration.ofMillis(200));
        }
    }

    private static void writeFile(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new AssertionError("cannot write " + file, e);
        }
    }

    private static String capitalized(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

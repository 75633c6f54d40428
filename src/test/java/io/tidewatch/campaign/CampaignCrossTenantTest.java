package io.tidewatch.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.campaign.CampaignFixtures.Kit;
import io.tidewatch.testing.CrossTenant;
import io.tidewatch.testing.CrossTenant.Probe;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.ScriptedSmtp;
import io.tidewatch.testing.Tenant;

/** Every {@code /api/campaigns} item endpoint and method, aimed at another tenant's campaign, answers like a missing one. */
@QuarkusTest
class CampaignCrossTenantTest {

    @Inject
    TestMaterials materials;

    @Test
    void anotherTenantsCampaignIsInvisibleToEveryItemEndpoint() {
        Tenant attacker = Fixtures.northwind();
        Tenant victim = Fixtures.contoso();
        Kit kit = CampaignFixtures.kit(materials, victim, ScriptedSmtp.shared().hostPort(), CampaignFixtures.targets(2));
        Map<String, Object> body = kit.body("http://phish.example.test/");
        body.put("launch_date", Instant.now().plus(Duration.ofDays(1)).toString());
        kit.launch(body);
        body.put("name", "Second " + Fixtures.unique());
        long id = kit.launch(body);
        // Schemas number campaigns independently: the attacker's own campaign 1 exists, the victim's campaign 2 does
        // not exist in the attacker's schema, and must stay out of reach.
        CampaignFixtures.kit(materials, attacker, ScriptedSmtp.shared().hostPort(), CampaignFixtures.targets(1))
                .launch("http://phish.example.test/");
        Supplier<String> victimView = () -> victim.asAdmin().get("/api/campaigns/" + id).then().extract().asString();
        List<Probe> probes = List.of(
                Probe.of("GET", "/api/campaigns/{id}", null, victim, id),
                Probe.of("GET", "/api/campaigns/{id}/results", null, victim, id),
                Probe.of("GET", "/api/campaigns/{id}/summary", null, victim, id),
                new Probe("GET", "/api/campaigns/{id}/complete", null, victimView),
                new Probe("POST", "/api/campaigns/{id}/complete", null, victimView),
                new Probe("DELETE", "/api/campaigns/{id}", null, victimView));
        for (Probe probe : probes) {
            CrossTenant.assertIsolated(attacker, victim, id, probe);
        }
    }
}

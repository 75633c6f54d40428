package io.tidewatch.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tidewatch.campaign.CampaignMaterials.GroupMaterial;
import io.tidewatch.campaign.CampaignMaterials.TargetMaterial;
import io.tidewatch.campaign.internal.SendPlan;
import io.tidewatch.campaign.internal.SendPlan.Planned;

/** Who a campaign sends to, and when. */
class SendPlanTest {

    private static final Instant LAUNCH = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void keepsTheFirstOccurrenceOfAnAddressWhateverItsCase() {
        TargetMaterial ann = new TargetMaterial("Ann@Example.test", "Ann", "A", "");
        TargetMaterial again = new TargetMaterial(" ann@example.TEST ", "Other", "B", "");
        TargetMaterial bob = new TargetMaterial("bob@example.test", "Bob", "B", "");
        List<TargetMaterial> unique = SendPlan.recipients(List.of(new GroupMaterial(1, "g1", LAUNCH, List.of(ann, bob)),
                new GroupMaterial(2, "g2", LAUNCH, List.of(again))));
        assertThat(unique).containsExactly(ann, bob);
    }

    @Test
    void sendsEverythingAtLaunchWithoutASendByDate() {
        assertThat(SendPlan.schedule(targets(3), LAUNCH, null, null)).extracting(Planned::sendDate).containsOnly(LAUNCH);
    }

    @Test
    void spreadsSendsEvenlyToTheSecondBeforeTheSendByDate() {
        List<Planned> plan = SendPlan.schedule(targets(4), LAUNCH, LAUNCH.plusSeconds(120), null);
        assertThat(plan).extracting(Planned::sendDate).containsExactly(LAUNCH, LAUNCH.plusSeconds(30),
                LAUNCH.plusSeconds(60), LAUNCH.plusSeconds(90));
        List<Planned> uneven = SendPlan.schedule(targets(3), LAUNCH, LAUNCH.plusSeconds(10), null);
        assertThat(uneven).extracting(Planned::sendDate).containsExactly(LAUNCH, LAUNCH.plusSeconds(3),
                LAUNCH.plusSeconds(6));
        List<Planned> many = SendPlan.schedule(targets(1000), LAUNCH, LAUNCH.plusSeconds(60), null);
        assertThat(many.get(999).sendDate()).isBefore(LAUNCH.plusSeconds(60));
    }

    @Test
    void shufflesWhenAsked() {
        List<TargetMaterial> targets = targets(50);
        List<Planned> plan = SendPlan.schedule(targets, LAUNCH, LAUNCH.plusSeconds(50), new Random(7));
        assertThat(plan).extracting(Planned::target).containsExactlyInAnyOrderElementsOf(targets)
                .isNotEqualTo(targets);
        assertThat(plan).extracting(Planned::sendDate).isSorted();
    }

    private static List<TargetMaterial> targets(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new TargetMaterial("t" + i + "@example.test", "", "", "")).toList();
    }
}

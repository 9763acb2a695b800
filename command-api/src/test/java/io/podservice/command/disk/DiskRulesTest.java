package io.podservice.command.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podservice.api.web.ApiException;
import org.junit.jupiter.api.Test;

/** JD Cloud's sizes and types of disks, as the operator leaves them. */
class DiskRulesTest {

    private final DiskRules rules = new DiskRules();

    @Test
    void aVolumeIsTwentyToFourThousandGigabytesInStepsOfTen() {
        for (int size : new int[] {20, 30, 500, 4000}) {
            assertThatCode(() -> rules.requireSize("podSpec.volumes[0].jdcloudDisk.sizeGB", size, DiskRules.MAX_VOLUME_GB))
                    .doesNotThrowAnyException();
        }
        for (int size : new int[] {0, 10, 19, 25, 4010, 16000}) {
            assertThatThrownBy(() -> rules.requireSize("podSpec.volumes[0].jdcloudDisk.sizeGB", size,
                    DiskRules.MAX_VOLUME_GB)).isInstanceOf(ApiException.class)
                    .hasMessage("Invalid podSpec.volumes[0].jdcloudDisk.sizeGB: 20 to 4000 GB in steps of 10; got " + size);
        }
        assertThatCode(() -> rules.requireSize("diskSpec.diskSizeGB", 16000, DiskRules.MAX_DISK_GB))
                .doesNotThrowAnyException();
    }

    @Test
    void aTestMayAllowOneGigabyteDisks() {
        rules.setMinSizeGb(1);
        rules.setSizeStepGb(1);
        assertThatCode(() -> rules.requireSize("diskSpec.diskSizeGB", 1, DiskRules.MAX_DISK_GB)).doesNotThrowAnyException();
        assertThatThrownBy(() -> rules.requireSize("diskSpec.diskSizeGB", 0, DiskRules.MAX_DISK_GB))
                .hasMessageContaining("1 to 16000 GB in steps of 1");
    }

    @Test
    void onlyThePodApisThreeTypesAreOffered() {
        DiskRules.TYPES.forEach(type -> assertThatCode(() -> DiskRules.requireType("diskSpec.diskType", type))
                .doesNotThrowAnyException());
        assertThatThrownBy(() -> DiskRules.requireType("diskSpec.diskType", "premium-hdd"))
                .hasMessage("Invalid diskSpec.diskType: one of hdd.std1, ssd.gp1, ssd.io1; got 'premium-hdd'");
        assertThat(DiskRules.TYPES).hasSize(3);
    }
}

package org.qipflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicAddressTest {

    @Test
    void theConfiguredAddressIsUsedAsGivenWithoutATrailingSlash() {
        PublicAddress address = new PublicAddress("https://qipflow.example.nhs.uk/", true, "", 8080);

        assertThat(address.of("/tasks/abc")).isEqualTo("https://qipflow.example.nhs.uk/tasks/abc");
        assertThat(address.host()).isEqualTo("qipflow.example.nhs.uk");
    }

    @Test
    void productionRefusesToStartWithoutAnAddressAndSaysWhichSettingToGive() {
        assertThatThrownBy(() -> new PublicAddress(" ", true, "", 8080)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Set qipflow.base-url (QIPFLOW_BASE_URL)");
        assertThatThrownBy(() -> new PublicAddress("qipflow.example.nhs.uk", true, "", 8080))
                .hasMessageContaining("must be a whole web address such as https://");
    }

    @Test
    void withoutOneTheAddressIsWhereTheServerListens() {
        assertThat(new PublicAddress("", false, "", 8080).of("/")).isEqualTo("http://localhost:8080/");
        assertThat(new PublicAddress("", false, "127.0.0.1", 9090).of("/")).isEqualTo("http://localhost:9090/");
        assertThat(new PublicAddress("", false, "0.0.0.0", 8080).of("/")).isEqualTo("http://localhost:8080/");
        assertThat(new PublicAddress("", false, "192.168.1.20", 8080).of("/")).isEqualTo("http://192.168.1.20:8080/");
    }
}

package org.qipflow.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qipflow.common.InvalidInputException;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** A programme adopted from a topic: no round can be scheduled until its audit definition is attached, once. */
@QipflowTest
@WithMockUser(username = "coordinator", roles = "COORDINATOR")
class DraftProgrammeTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    CycleService cycles;

    @Test
    void aDraftProgrammeIsScheduledOnlyOnceItsDefinitionIsAttached() throws Exception {
        programmes.createDraft("qip-d1", "Clozapine monitoring");
        assertThatThrownBy(() -> cycles.schedule("QIP-D1", CycleKind.BASELINE, AuditProcessFixture.uk(2030, 3, 4, 9),
                Map.of())).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("auditDefinition"));

        String page = mvc.perform(get("/programmes/QIP-D1")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("has no audit definition yet", "Attach the definition")
                .doesNotContain("Schedule cycle");
        String wrong = mvc.perform(post("/programmes/QIP-D1/definition").with(csrf()).param("auditDefinition", "nope"))
                .andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("href=\"#auditDefinition\"", "&#39;nope&#39; is not an audit definition");

        mvc.perform(post("/programmes/QIP-D1/definition").with(csrf()).param("auditDefinition", "lithium-monitoring"))
                .andExpect(redirectedUrl("/programmes/QIP-D1"));
        mvc.perform(post("/programmes/QIP-D1/definition").with(csrf()).param("auditDefinition", "lithium-monitoring"))
                .andExpect(redirectedUrl("/programmes/QIP-D1"));           // sent twice: one effect
        mvc.perform(post("/programmes/QIP-D1/definition").with(csrf())
                .param("auditDefinition", "high-dose-antipsychotics")).andExpect(status().isConflict());
        assertThat(programmes.get("QIP-D1").auditDefinition()).isEqualTo("lithium-monitoring");

        Cycle baseline = cycles.schedule("QIP-D1", CycleKind.BASELINE, AuditProcessFixture.uk(2030, 3, 4, 9), Map.of());
        assertThat(baseline.programmeCode()).isEqualTo("QIP-D1");
    }
}

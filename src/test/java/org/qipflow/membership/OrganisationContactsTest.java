package org.qipflow.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Clinical contacts, chief executives and medical directors: appointed, replaced, vacated, history kept. */
@QipflowTest
class OrganisationContactsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OrganisationService organisations;
    @Autowired
    OrganisationContacts contacts;

    @Test
    void aRoleHasOneHolderAtATimeAndEveryAppointmentIsKept() throws Exception {
        String code = member("CT1");
        api(put("/api/organisations/" + code + "/contacts/CHIEF_EXECUTIVE"),
                "{\"name\":\"Sam Okafor\",\"email\":\"sam.okafor@nhs.net\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.current.CHIEF_EXECUTIVE.name").value("Sam Okafor"));
        // the same person again: one appointment
        api(put("/api/organisations/" + code + "/contacts/chief_executive"),
                "{\"name\":\"Sam Okafor\",\"email\":\"SAM.OKAFOR@nhs.net\"}").andExpect(status().isOk());
        api(put("/api/organisations/" + code + "/contacts/CHIEF_EXECUTIVE"),
                "{\"name\":\"Ravi Shah\",\"email\":\"ravi.shah@nhs.net\"}").andExpect(status().isOk());
        api(put("/api/organisations/" + code + "/contacts/MEDICAL_DIRECTOR"),
                "{\"name\":\"Dr Ana Costa\",\"email\":\"ana.costa@nhs.net\"}").andExpect(status().isOk());

        api(get("/api/organisations/" + code + "/contacts"), null)
                .andExpect(jsonPath("$.current.CHIEF_EXECUTIVE.email").value("ravi.shah@nhs.net"))
                .andExpect(jsonPath("$.current.MEDICAL_DIRECTOR.name").value("Dr Ana Costa"))
                .andExpect(jsonPath("$.current.CLINICAL").doesNotExist())
                .andExpect(jsonPath("$.history", hasSize(3)))
                .andExpect(jsonPath("$.history[?(@.until)].name", contains("Sam Okafor")));

        api(delete("/api/organisations/" + code + "/contacts/MEDICAL_DIRECTOR"), null).andExpect(status().isNoContent());
        api(delete("/api/organisations/" + code + "/contacts/MEDICAL_DIRECTOR"), null).andExpect(status().isNoContent());
        assertThat(contacts.current(code)).containsOnlyKeys(ContactRole.CHIEF_EXECUTIVE);
        assertThat(contacts.history(code)).hasSize(3).filteredOn(c -> c.until() == null).hasSize(1);
    }

    @Test
    void badContactsAreRefusedNamingEachFieldAndChangeNothing() throws Exception {
        String code = member("CT2");
        api(put("/api/organisations/" + code + "/contacts/DIRECTOR"), "{\"name\":\"\",\"email\":\"not an address\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", contains("role", "name", "email")))
                .andExpect(jsonPath("$.errors[2].message").value("Enter an email address in the correct format, like "
                        + "name@nhs.net"));
        api(get("/api/organisations/NOPE/contacts"), null).andExpect(status().isNotFound());
        assertThat(contacts.history(code)).isEmpty();

        var coordinator = user("coordinator").roles("COORDINATOR");
        String page = mvc.perform(post("/organisations/" + code + "/contacts").with(coordinator).with(csrf())
                        .param("role", "CLINICAL").param("name", "Dr Lee").param("email", "lee@"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<title>Error: ", "Enter an email address in the correct format", "value=\"Dr Lee\"");

        mvc.perform(post("/organisations/" + code + "/contacts").with(coordinator).with(csrf())
                        .param("role", "CLINICAL").param("name", "Dr Lee").param("email", "lee@nhs.net"))
                .andExpect(redirectedUrl("/organisations/" + code + "#contacts"));
        String shown = mvc.perform(get("/organisations/" + code).with(coordinator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(shown).contains("Contacts for outlier notifications", "Clinical contact", "lee@nhs.net",
                "Leave vacant");
        mvc.perform(get("/api/organisations/" + code + "/contacts").with(user("lead").roles("LEAD")))
                .andExpect(status().isForbidden());
    }

    private String member(String code) {
        organisations.create(new OrganisationInput(code, "Contacts " + code, "England", "NHS trust", "Lead " + code,
                code.toLowerCase() + "@nhs.example", "Chief Pharmacist", "2030-12-31"));
        return code;
    }

    private ResultActions api(MockHttpServletRequestBuilder request, String json) throws Exception {
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request.with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD)));
    }
}

package org.qipflow.common;

import static org.hamcrest.Matchers.hasKey;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** What integrators read: the OpenAPI description names every API path, the newest ones included. */
@QipflowTest
class ApiDocumentationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theOpenApiDescriptionCoversTheApi() throws Exception {
        mvc.perform(get("/v3/api-docs").with(user("coordinator").roles("COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", hasKey("/api/programmes/{code}")))
                .andExpect(jsonPath("$.paths", hasKey("/api/programmes/{code}/outlier-policy")))
                .andExpect(jsonPath("$.paths", hasKey("/api/cycles/{id}/outliers")))
                .andExpect(jsonPath("$.paths", hasKey("/api/cycles/{id}/outlier-reviews")))
                .andExpect(jsonPath("$.paths", hasKey("/api/outlier-reviews/{id}/decision")))
                .andExpect(jsonPath("$.paths", hasKey("/api/outlier-reviews/{id}/acknowledgement")))
                .andExpect(jsonPath("$.paths", hasKey("/api/programmes/{code}/interventions")))
                .andExpect(jsonPath("$.paths", hasKey("/api/organisations/{code}/contacts/{role}")))
                .andExpect(jsonPath("$.paths['/api/programmes/{code}/interventions'].post.requestBody.content",
                        hasKey("multipart/form-data")))
                .andExpect(jsonPath("$.paths['/api/programmes/{code}/interventions'].post.requestBody.content",
                        hasKey("application/json")));
    }
}

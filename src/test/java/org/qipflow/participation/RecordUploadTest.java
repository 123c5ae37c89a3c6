package org.qipflow.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qipflow.programmes.Cycle;
import org.qipflow.submissions.RecordService;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.LithiumRecords;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Uploading records through the API: every error case, all or nothing, and idempotence. */
@QipflowTest
class RecordUploadTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture fixture;
    @Autowired
    ParticipationService participation;
    @Autowired
    RecordService records;

    Cycle cycle;
    String org;

    @BeforeEach
    void aConfirmedOrganisation() {
        cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        org = fixture.confirmedMember(cycle.id(), "England", "T01, T02");
    }

    ResultActions upload(byte[] body) throws Exception {
        return mvc.perform(post("/api/cycles/" + cycle.id() + "/organisations/" + org + "/records")
                .contentType("text/csv").content(body).with(httpBasic("coordinator", "test-only-password")));
    }

    ResultActions upload(String csv) throws Exception {
        return upload(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGoodFileIsStoredOnceAndASecondUploadChangesNothing() throws Exception {
        upload(LithiumRecords.GOOD).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        upload(LithiumRecords.GOOD).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
        upload(LithiumRecords.GOOD.replace("T01,P001,54", "T01,P001,55")).andExpect(jsonPath("$.updated").value(1));

        mvc.perform(get("/api/cycles/" + cycle.id() + "/organisations/" + org + "/records")
                        .with(httpBasic("coordinator", "test-only-password")))
                .andExpect(jsonPath("$[*].pseudonym", hasItem("P002")))
                .andExpect(jsonPath("$[0].answers.age").value("55"));
        assertThat(records.history(cycle.id(), org)).extracting(c -> c.action())
                .containsExactly("UPDATE", "CREATE", "CREATE");
        assertThat(records.history(cycle.id(), org).get(0).changedBy()).isEqualTo("coordinator coordinator");
    }

    @Test
    void anyBadRowStoresNothingAndEveryProblemIsNamed() throws Exception {
        upload(LithiumRecords.HEADER
                + "T01,P001,54,no,,,,yes,0.6,yes,yes\n"
                + "T01,P002,forty,no,,,,yes,,yes,yes\n"
                + "T09,P003,50,no,,,,yes,,yes,yes\n"
                + "T01,943 476 5919,50,no,,,,yes,,yes,yes\n"
                + "T01,P004,50,no,yes,,,yes,,yes,yes\n"
                + "t01,p001,60,no,,,,no,,no,no\n")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("age"))
                .andExpect(jsonPath("$.errors[0].value").value("forty"))
                .andExpect(jsonPath("$.errors[1].column").value("team"))
                .andExpect(jsonPath("$.errors[2].message", containsString("looks like an NHS, CHI")))
                .andExpect(jsonPath("$.errors[2].value").value(""))
                .andExpect(jsonPath("$.errors[3].column").value("baselineRenal"))
                .andExpect(jsonPath("$.errors[3].message", containsString("asked only if lithium was started")))
                .andExpect(jsonPath("$.errors[4].row").value(7))
                .andExpect(jsonPath("$.errors[4].message", containsString("already has this pseudonym in row 2")));
        upload(LithiumRecords.HEADER
                + "T01,P001,54,no,,,,yes,0.6,yes,yes\n"
                + "T01,JSmith1975,50,no,,,,yes,,yes,yes\n"
                + "T01,jo@nhs.net,50,no,,,,yes,,yes,yes\n")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("pseudonym"))
                .andExpect(jsonPath("$.errors[0].message", containsString("looks like a name and a year")))
                .andExpect(jsonPath("$.errors[0].value").value(""))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].message", containsString("looks like an email address")))
                .andExpect(jsonPath("$.errors[1].value").value(""));
        assertThat(records.list(cycle.id(), org)).isEmpty();
    }

    @Test
    void twoUploadsAtOnceStoreEachRecordOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> statuses = pool.invokeAll(List.of(
                    () -> upload(LithiumRecords.GOOD).andReturn().getResponse().getStatus(),
                    () -> upload(LithiumRecords.GOOD).andReturn().getResponse().getStatus()));
            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(records.list(cycle.id(), org)).hasSize(2);
        assertThat(records.history(cycle.id(), org)).hasSize(2);
    }

    @Test
    void aWrongHeaderAnEmptyFileAndAnotherEncodingAreRefused() throws Exception {
        upload("team,pseudonym,age,colour\nT01,P001,54,red\n").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].row").value(1))
                .andExpect(jsonPath("$.errors[*].column", hasItem("colour")))
                .andExpect(jsonPath("$.errors[*].column", hasItem("serumLithiumLast3Months")));
        upload("").andExpect(status().isUnprocessableEntity());
        upload(LithiumRecords.HEADER).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message", containsString("no records")));
        upload((LithiumRecords.HEADER + "T01,P\u00e9001,54,no,,,,yes,,yes,yes\n").getBytes(StandardCharsets.ISO_8859_1))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].message", containsString("not UTF-8")));
        assertThat(records.list(cycle.id(), org)).isEmpty();
    }

    @Test
    void semicolonsAByteOrderMarkAndFriendlyAnswersAreRead() throws Exception {
        String excel = "\ufeff" + LithiumRecords.HEADER.replace(',', ';') + "T01;P010;47;No;;;;Y;0.8;yes;YES\n";
        upload(excel).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        assertThat(records.list(cycle.id(), org)).singleElement()
                .satisfies(r -> assertThat(r.answers()).containsEntry("serumLithiumLast3Months", "yes")
                        .containsEntry("lastLithiumLevel", "0.8").doesNotContainKey("baselineRenal"));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimit() throws Exception {
        StringBuilder big = new StringBuilder(LithiumRecords.HEADER);
        String row = "T01,P%06d,54,no,,,,yes,0.6,yes,yes" + " ".repeat(200) + "\n";
        for (int i = 0; big.length() <= RecordService.MOST_UPLOAD_BYTES; i++) {
            big.append(String.format(row, i));
        }
        upload(big.toString()).andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("larger than 20 MB")));
        assertThat(records.list(cycle.id(), org)).isEmpty();
    }


    @Test
    void anExcelWorkbookIsReadLikeACsvFile() throws Exception {
        upload(LithiumRecords.workbook(new String[] {"T01", "P100", "54", "no", "", "", "", "yes", "0.6", "yes", "yes"},
                new String[] {"T02", "P101", "61", "yes", "yes", "yes", "no", "no", "", "yes", "no"}))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        upload(LithiumRecords.workbook(new String[] {"T01", "P102", "54", "perhaps", "", "", "", "yes", "", "yes", "yes"}))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("lithiumStartedInLastYear"));
        upload("PK\u0003\u0004 not really a workbook").andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].row").value(0))
                .andExpect(jsonPath("$.errors[0].message", containsString("damaged or incomplete")));
        assertThat(records.list(cycle.id(), org)).hasSize(2);
    }

    @Test
    void theExcelTemplateHasTheColumnsDropDownsAndHelp() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/audit-definitions/physical-health-antipsychotics/template.xlsx")
                        .with(httpBasic("coordinator", "test-only-password")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("Records");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("team");
            assertThat(sheet.getRow(0).getCell(8).getStringCellValue()).isEqualTo("smokingStatus");
            assertThat(sheet.getDataValidations()).anySatisfy(v -> assertThat(v.getValidationConstraint()
                    .getExplicitListValues()).containsExactly("smoker", "ex-smoker", "never"));
            assertThat(workbook.getSheet("Help").getRow(9).getCell(4).getStringCellValue())
                    .as("the condition in words, never FEEL").isEqualTo("Only if smoking status was recorded.");
        }
    }

    @Test
    void recordsCannotBeUploadedForAnOrganisationNotTakingPart() throws Exception {
        String declined = fixture.member("Wales");
        participation.join(cycle.id(), declined);
        mvc.perform(post("/api/cycles/" + cycle.id() + "/organisations/" + declined + "/records")
                        .contentType("text/csv").content(LithiumRecords.GOOD).with(httpBasic("coordinator", "test-only-password")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("not taking part")));
    }

    @Test
    void theDefinitionsApiDescribesFieldsStandardsAndTheTemplate() throws Exception {
        mvc.perform(get("/api/audit-definitions").with(httpBasic("coordinator", "test-only-password")))
                .andExpect(jsonPath("$[*].id", hasItem("lithium-monitoring")));
        mvc.perform(get("/api/audit-definitions/physical-health-antipsychotics")
                        .with(httpBasic("coordinator", "test-only-password")))
                .andExpect(jsonPath("$.fields[?(@.name == 'smokingStatus')].when", hasItem("smoking = true")))
                .andExpect(jsonPath("$.standards[0].meets").value("bloodPressure = true"))
                .andExpect(jsonPath("$.allOrNone.standards.length()").value(5));
        mvc.perform(get("/api/audit-definitions/lithium-monitoring/template.csv")
                        .with(httpBasic("coordinator", "test-only-password")))
                .andExpect(content().string(LithiumRecords.HEADER.replace("\n", "\r\n")));
        mvc.perform(get("/api/audit-definitions/nope").with(httpBasic("coordinator", "test-only-password")))
                .andExpect(status().isNotFound());
    }
}

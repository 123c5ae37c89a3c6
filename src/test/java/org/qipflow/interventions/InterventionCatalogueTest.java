package org.qipflow.interventions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.qipflow.common.InvalidInputException;
import org.qipflow.common.NotFoundException;
import org.qipflow.programmes.Cycle;
import org.qipflow.security.LeadPrincipal;
import org.qipflow.support.AuditProcessFixture;
import org.qipflow.support.LithiumRecords;
import org.qipflow.support.PageText;
import org.qipflow.support.QipflowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The change-intervention catalogue: coordinators add and withdraw, leads find them with their report. */
@QipflowTest
class InterventionCatalogueTest {

    private static final RequestPostProcessor COORDINATOR = user("coordinator").roles("COORDINATOR");
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditProcessFixture fixture;
    @Autowired
    InterventionCatalogue catalogue;

    @Test
    void leadsFindTheInterventionsForWhatTheyFellShortOfFirstAndDownloadThem() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String programme = cycle.programmeCode();
        // S2 (renal function): met by every record below; S1 (serum level): half
        mvc.perform(multipart("/programmes/" + programme + "/interventions").file(new MockMultipartFile("file",
                        "renal leaflet.pdf", "application/octet-stream", PDF)).with(COORDINATOR).with(csrf())
                        .param("title", "Kidney checks: a leaflet").param("kind", "SERVICE_USER_LEAFLET")
                        .param("description", "For service users: why renal function is checked.").param("standards", "S2")
                        .param("roundNumber", "1"))
                .andExpect(redirectedUrl("/programmes/" + programme + "/interventions"));
        api(post("/api/programmes/" + programme + "/interventions"), """
                {"title":"Lithium monitoring slides","kind":"SLIDE_SET","description":"Twenty minutes for a team meeting.",
                 "link":"https://www.example.nhs.uk/lithium-slides","standards":["S1","S3"]}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.standards", contains("S1", "S3")));

        String lead = fixture.member("England");
        fixture.publishWith(cycle, Map.of(lead, LithiumRecords.csv(4, 2)));

        String report = mvc.perform(get("/reports/" + cycle.id() + "/" + lead).with(lead(lead)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String words = PageText.words(report);
        assertThat(words).contains("Change interventions", "those for the standards you fell short of first");
        assertThat(words.indexOf("Lithium monitoring slides")).isLessThan(words.indexOf("Kidney checks: a leaflet"));
        assertThat(words).contains("For a standard you fell short of Slide set · addresses S1, S3",
                "Service-user leaflet · addresses S2 · made for round 1");

        long leaflet = catalogue.of(programme).stream().filter(ChangeIntervention::file).findFirst().orElseThrow().id();
        mvc.perform(get("/reports/" + cycle.id() + "/" + lead + "/interventions/" + leaflet).with(lead(lead)))
                .andExpect(status().isOk()).andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"renal leaflet.pdf\""))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(PDF));

        // another programme's intervention is not offered with this report
        Cycle other = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        long elsewhere = catalogue.add(other.programmeCode(), new InterventionCatalogue.Submission("Elsewhere", "OTHER",
                "Not this programme's.", "https://www.example.nhs.uk/x", null, List.of("S1"), null, null)).id();
        mvc.perform(get("/reports/" + cycle.id() + "/" + lead + "/interventions/" + elsewhere).with(lead(lead)))
                .andExpect(status().isNotFound());

        // withdrawn: gone from the report and its download
        mvc.perform(post("/programmes/" + programme + "/interventions/" + leaflet + "/withdrawal").with(COORDINATOR)
                .with(csrf())).andExpect(redirectedUrl("/programmes/" + programme + "/interventions"));
        mvc.perform(get("/reports/" + cycle.id() + "/" + lead + "/interventions/" + leaflet).with(lead(lead)))
                .andExpect(status().isNotFound());
        assertThat(catalogue.of(programme)).extracting(ChangeIntervention::title)
                .containsExactly("Lithium monitoring slides");
        // only coordinators manage the catalogue
        mvc.perform(get("/programmes/" + programme + "/interventions").with(lead(lead))).andExpect(status().isForbidden());
    }

    @Test
    void whatCannotBeOfferedIsRefusedNamingEachFieldAndNothingIsStored() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String programme = cycle.programmeCode();
        api(post("/api/programmes/" + programme + "/interventions"), """
                {"title":"","kind":"POSTER","description":"","link":"http://example.nhs.uk/a","standards":["S9"],
                 "roundNumber":4}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", contains("title", "kind", "description", "standards",
                        "roundNumber", "link")))
                .andExpect(jsonPath("$.errors[3].message").value("lithium-monitoring has no standard S9: choose among "
                        + "S1, S2, S3, S4"))
                .andExpect(jsonPath("$.errors[4].message").value("Choose one of " + programme + "'s rounds, 1, or leave "
                        + "it empty"));

        assertThat(refusal(programme, "notes.docm", zipWith("word/document.xml", "x", "word/vbaProject.bin", "x")))
                .isEqualTo("notes.docm contains macros, which qipflow does not pass on to members: save it without "
                        + "macros (.docx or .pptx) and upload that copy");
        // Office reads part names without case, and a macro part by its declared type, whatever its name
        assertThat(refusal(programme, "notes.docx", zipWith("word/document.xml", "x", "word/VBAProject.bin", "x")))
                .startsWith("notes.docx contains macros");
        assertThat(refusal(programme, "deck.pptx", zipWith("ppt/presentation.xml", "",
                "[Content_Types].xml", "<Types><Override PartName=\"/ppt/presentation.xml\" ContentType=\"application/"
                        + "vnd.ms-powerpoint.presentation.macroEnabled.main+xml\"/></Types>")))
                .startsWith("deck.pptx contains macros");
        assertThat(refusal(programme, "broken.docx", new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5}))
                .isEqualTo("broken.docx could not be opened: save it again as a PDF, Word document (.docx) or "
                        + "PowerPoint presentation (.pptx), or give a link to it instead");
        assertThat(refusal(programme, "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}))
                .isEqualTo("photo.png is not a PDF, Word document (.docx) or PowerPoint presentation (.pptx): save it "
                        + "as one of those, or give a link to it instead");
        assertThat(refusal(programme, "huge.pdf", new byte[InterventionFile.MOST_BYTES + 1]))
                .startsWith("huge.pdf is larger than 20 MB");
        assertThat(catalogue.of(programme)).isEmpty();

        // a real Word document, whatever its name, is stored as one
        ChangeIntervention docx = catalogue.add(programme, submission("C:\\Users\\me\\support tool", word()));
        assertThat(docx.fileName()).isEqualTo("support tool.docx");
        assertThat(docx.fileType()).isEqualTo(InterventionFile.DOCX);

        String page = mvc.perform(multipart("/programmes/" + programme + "/interventions")
                        .file(new MockMultipartFile("file", "slides.pdf", "application/pdf", PDF)).with(COORDINATOR)
                        .with(csrf()).param("title", "Slides").param("kind", "SLIDE_SET").param("description", "For teams.")
                        .param("standards", "S1").param("link", "https://www.example.nhs.uk/s"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("<title>Error: Change interventions", "Give a link or upload a file, not both",
                "value=\"Slides\"");
        assertThat(catalogue.of(programme)).hasSize(1);
    }

    @Test
    void anInterventionIsChangedKeepingItsFileUntilALinkReplacesItAndNotOnceWithdrawn() throws Exception {
        Cycle cycle = fixture.cycle(AuditProcessFixture.uk(2030, 3, 4, 9));
        String programme = cycle.programmeCode();
        long id = catalogue.add(programme, submission("tool.pdf", PDF)).id();
        String path = "/programmes/" + programme + "/interventions/" + id;
        assertThat(mvc.perform(get(path).with(COORDINATOR)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Change Support tool", "Now tool.pdf");

        mvc.perform(multipart(path).with(COORDINATOR).with(csrf()).param("title", "Support tool, revised")
                        .param("kind", "CLINICIAN_TOOL").param("description", "For prescribers and nurses.")
                        .param("standards", "S1", "S2").param("link", ""))
                .andExpect(redirectedUrl("/programmes/" + programme + "/interventions"));
        ChangeIntervention revised = catalogue.get(programme, id);
        assertThat(revised.title()).isEqualTo("Support tool, revised");
        assertThat(revised.standards()).containsExactly("S1", "S2");
        assertThat(revised.fileName()).isEqualTo("tool.pdf");
        assertThat(catalogue.file(id)).isEqualTo(PDF);

        // refused: nothing changes
        api(put("/api/programmes/" + programme + "/interventions/" + id), """
                {"title":"","kind":"CLINICIAN_TOOL","description":"x","standards":["S1"]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("title"));
        assertThat(catalogue.get(programme, id).title()).isEqualTo("Support tool, revised");

        api(put("/api/programmes/" + programme + "/interventions/" + id), """
                {"title":"Support tool","kind":"CLINICIAN_TOOL","description":"Now online.","standards":["S1"],
                 "link":"https://www.example.nhs.uk/tool"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.link").value("https://www.example.nhs.uk/tool"))
                .andExpect(jsonPath("$.fileName").doesNotExist());
        assertThatThrownBy(() -> catalogue.file(id)).isInstanceOf(NotFoundException.class);

        mvc.perform(post("/api/programmes/" + programme + "/interventions/" + id + "/withdrawal")
                .with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD))).andExpect(status().isNoContent());
        mvc.perform(post("/api/programmes/" + programme + "/interventions/" + id + "/withdrawal")
                .with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD))).andExpect(status().isNoContent());
        assertThat(catalogue.of(programme)).isEmpty();
        mvc.perform(get(path).with(COORDINATOR)).andExpect(status().isConflict());
        api(put("/api/programmes/" + programme + "/interventions/" + id), """
                {"title":"Support tool","kind":"CLINICIAN_TOOL","description":"Again.","standards":["S1"],
                 "link":"https://www.example.nhs.uk/tool"}""")
                .andExpect(status().isConflict());
    }

    @Test
    void aFileKeepsItsNameForEveryClient() {
        assertThat(InterventionDownload.attachment("leaflet.pdf")).isEqualTo("attachment; filename=\"leaflet.pdf\"");
        assertThat(InterventionDownload.attachment("Lithium – what to check.pdf")).isEqualTo(
                "attachment; filename=\"Lithium _ what to check.pdf\"; filename*=UTF-8''Lithium%20%E2%80%93%20what%20to"
                        + "%20check.pdf");
    }

    private String refusal(String programme, String name, byte[] bytes) {
        InvalidInputException refused = (InvalidInputException) catchThrowable(
                () -> catalogue.add(programme, submission(name, bytes)));
        assertThat(refused).isNotNull();
        assertThat(refused.problems()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("file"));
        return refused.problems().get(0).message();
    }

    private static InterventionCatalogue.Submission submission(String name, byte[] bytes) {
        return new InterventionCatalogue.Submission("Support tool", "CLINICIAN_TOOL", "For prescribers.", null, null,
                List.of("S1"), name, new ByteArrayInputStream(bytes));
    }

    private static byte[] word() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Lithium: what to check and when");
            document.write(out);
            return out.toByteArray();
        }
    }

    /** A zip of these entries, each given as a name then its content. */
    private static byte[] zipWith(String... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }


    private ResultActions api(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json)
                .with(httpBasic(QipflowTest.USER, QipflowTest.PASSWORD)));
    }

    private static RequestPostProcessor lead(String code) {
        return authentication(new UsernamePasswordAuthenticationToken(
                new LeadPrincipal(code.toLowerCase() + "@nhs.example", Set.of(code)), null,
                List.of(new SimpleGrantedAuthority("ROLE_LEAD"))));
    }
}

package org.qipflow.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qipflow.common.RejectedFileException;
import org.qipflow.common.RowProblem;

class OrganisationCsvImportTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    final OrganisationCsvImport csv = new OrganisationCsvImport();

    List<OrganisationDetails> read(byte[] bytes) {
        return csv.read(new ByteArrayInputStream(bytes), TODAY);
    }

    List<OrganisationDetails> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    List<RowProblem> problems(String text) {
        try {
            read(text);
        } catch (RejectedFileException e) {
            return e.problems();
        }
        throw new AssertionError("expected the file to be rejected");
    }

    @Test
    void readsExcelSemicolonCsvWithByteOrderMarkAndFriendlyHeaders() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "Code;Name;Nation;Type;Local lead name;Local lead email;Local lead job title;Membership ends\r\n"
                + "rv3;Brent, Harrow & Hillingdon Trust;northern ireland;Health board;Siân Jones;sian@nhs.net;"
                + "Chief Pharmacist;2027-12-31\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);

        List<OrganisationDetails> rows = read(file);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.code()).isEqualTo("RV3");
            assertThat(row.name()).isEqualTo("Brent, Harrow & Hillingdon Trust");
            assertThat(row.nation()).isEqualTo(Nation.NORTHERN_IRELAND);
            assertThat(row.type()).isEqualTo(OrganisationType.HEALTH_BOARD);
            assertThat(row.lead().name()).isEqualTo("Siân Jones");
            assertThat(row.membershipEnds()).isEqualTo(LocalDate.of(2027, 12, 31));
        });
    }

    @Test
    void readsQuotedCommasAndColumnsInAnyOrder() {
        List<OrganisationDetails> rows = read("""
                local_lead_email,code,name,nation,type,local_lead_name,local_lead_job_title
                a@nhs.net,RXT,"Birmingham, Solihull Trust",England,NHS_TRUST,A Lead,"Pharmacist, Lead"
                """);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("Birmingham, Solihull Trust");
            assertThat(row.lead().jobTitle()).isEqualTo("Pharmacist, Lead");
            assertThat(row.membershipEnds()).isNull();
        });
    }

    @Test
    void reportsEveryBadCellByRowColumnAndValue() {
        List<RowProblem> problems = problems("""
                code,name,nation,type,local_lead_name,local_lead_email,local_lead_job_title
                RV3,Good Trust,England,NHS trust,Lead,lead@nhs.net,Pharmacist
                R!,Bad Trust,Wales,Hospital,Lead,lead@nhs.net,
                """);

        assertThat(problems).extracting(RowProblem::row, RowProblem::column, RowProblem::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "code", "R!"),
                        org.assertj.core.groups.Tuple.tuple(3, "type", "Hospital"),
                        org.assertj.core.groups.Tuple.tuple(3, "local_lead_job_title", ""));
        assertThat(problems.get(1).describe()).isEqualTo("Row 3, column type ('Hospital'): 'Hospital' is not an "
                + "organisation type; use one of NHS trust, Health board, Independent provider");
    }

    @Test
    void refusesTheSameCodeTwiceInOneFile() {
        List<RowProblem> problems = problems("""
                code,name,nation,type,local_lead_name,local_lead_email,local_lead_job_title
                RV3,One,England,NHS trust,Lead,lead@nhs.net,Pharmacist
                rv3,Two,England,NHS trust,Lead,lead@nhs.net,Pharmacist
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.message()).contains("already in row 2");
        });
    }

    @Test
    void namesEveryMissingColumn() {
        List<RowProblem> problems = problems("code,name,nation\nRV3,Trust,England\n");

        assertThat(problems).extracting(RowProblem::column).containsExactly("type", "local_lead_name",
                "local_lead_email", "local_lead_job_title");
        assertThat(problems).allSatisfy(p -> assertThat(p.row()).isEqualTo(1));
    }

    @Test
    void refusesAnEmptyFileAndAHeaderWithoutRows() {
        assertThat(problems("")).isNotEmpty();
        assertThat(problems("code,name,nation,type,local_lead_name,local_lead_email,local_lead_job_title\n"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("no organisations"));
    }

    @Test
    void refusesTextThatIsNotUtf8WithAHowTo() {
        byte[] latin1 = ("code,name,nation,type,local_lead_name,local_lead_email,local_lead_job_title\n"
                + "RV3,Caf\u00e9 Trust,England,NHS trust,Lead,lead@nhs.net,Pharmacist\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(latin1)).isInstanceOf(RejectedFileException.class)
                .satisfies(e -> assertThat(((RejectedFileException) e).problems().get(0).message())
                        .contains("not UTF-8").contains("CSV UTF-8"));
    }
}

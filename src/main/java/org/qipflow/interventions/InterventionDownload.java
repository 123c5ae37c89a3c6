package org.qipflow.interventions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An intervention's file as a download: an attachment, named as uploaded, of the type its content is. */
public final class InterventionDownload {

    private InterventionDownload() {
    }

    public static ResponseEntity<byte[]> of(ChangeIntervention intervention, byte[] bytes) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(intervention.fileType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(intervention.fileName())).body(bytes);
    }

    /**
     * RFC 6266: a plain ASCII {@code filename} every client reads, and where the name has other
     * characters also {@code filename*} in UTF-8 (RFC 8187), which current browsers prefer.
     */
    static String attachment(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace('"', '\'').replace('\\', '_');
        return "attachment; filename=\"" + ascii + "\"" + (ascii.equals(name) ? ""
                : "; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                        .replace("*", "%2A"));
    }
}

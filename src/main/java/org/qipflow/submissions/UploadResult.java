package org.qipflow.submissions;

/** What an upload did; uploading the same file again reports every row unchanged. */
public record UploadResult(int created, int updated, int unchanged) {

    public int rows() {
        return created + updated + unchanged;
    }
}

package cn.campaign.pipeline.ingest;

/** What reading one file gave: its rows staged, or a file-level code that quarantines it. */
record FileReadResult(RejectCode quarantineCode, String detail, String encoding, long rowsRead) {

    static FileReadResult staged(String encoding, long rowsRead) {
        return new FileReadResult(null, null, encoding, rowsRead);
    }

    static FileReadResult quarantined(RejectCode code, String detail, String encoding) {
        return new FileReadResult(code, detail, encoding, 0);
    }
}

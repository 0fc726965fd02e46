package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.contract.RejectCode;

/**
 * What reading one file decided (contract section 3): {@code read}, with its rows counted, or
 * {@code quarantined} with its code, or {@code stale}; the last two count no rows.
 */
record FileOutcome(long fileId, String state, RejectCode code, String detail, String encoding,
                   long rowsRead, long rowsLoaded, long rowsDuplicate, long rowsRejected) {

    static FileOutcome quarantined(long fileId, RejectCode code, String detail, String encoding) {
        return new FileOutcome(fileId, "quarantined", code, detail, encoding, 0, 0, 0, 0);
    }

    static FileOutcome stale(long fileId, String detail, String encoding) {
        return new FileOutcome(fileId, "stale", null, detail, encoding, 0, 0, 0, 0);
    }

    /** {@code rowsRead} counts the records; the merge checks it against the three outcomes and the rows written. */
    static FileOutcome read(long fileId, String encoding, long rowsRead, long loaded, long duplicate, long rejected) {
        return new FileOutcome(fileId, "read", null, null, encoding, rowsRead, loaded, duplicate, rejected);
    }

    boolean wasRead() {
        return state.equals("read");
    }
}

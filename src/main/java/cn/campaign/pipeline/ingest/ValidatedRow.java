package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.contract.RejectCode;
import java.util.Set;

/**
 * A record after validation: its codes (empty when it passed every rule checked in Java),
 * its values in the kind's column order (null where a field broke its rule), and, when it
 * is rejected, its raw line with personal data masked (null when it passed).
 */
public record ValidatedRow(int lineNo, Set<RejectCode> codes, Object[] values, String maskedRaw) {
}

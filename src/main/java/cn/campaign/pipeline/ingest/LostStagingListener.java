package cn.campaign.pipeline.ingest;

import cn.campaign.pipeline.warehouse.SqlFile;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Before the partitions read (on a first run or a restart), files whose staged rows a
 * database crash took are made pending again ({@code sql/ingest/reread_lost_staging.sql}),
 * so the restarted run reads them anew instead of merging an empty file.
 */
class LostStagingListener implements StepExecutionListener {

    private static final SqlFile REREAD = SqlFile.of("ingest/reread_lost_staging");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    LostStagingListener(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        transaction.executeWithoutResult(status -> REREAD.execute(jdbc, Map.of()));
    }
}

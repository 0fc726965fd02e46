package cn.campaign.pipeline.ingest;

import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A fixed, bounded number of partitions; discovery has already given every pending file its
 * partition number (by precinct, round robin), so a partition's context holds only that
 * number, never a list of files, however many files the night has.
 */
class FilePartitioner implements Partitioner {

    static final String PARTITION = "partition";

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new HashMap<>();
        for (int i = 0; i < gridSize; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION, i);
            partitions.put("partition" + i, context);
        }
        return partitions;
    }
}

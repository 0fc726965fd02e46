package cn.campaign.pipeline.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Threads and partitions of the ingest step; 0 means automatic. */
@Component
public class IngestSettings {

    private final int threads;
    private final int partitions;

    public IngestSettings(@Value("${pipeline.threads}") int threads, @Value("${pipeline.ingest.partitions}") int partitions) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.partitions = partitions > 0 ? partitions : this.threads * 4;
    }

    public int threads() {
        return threads;
    }

    public int partitions() {
        return partitions;
    }
}

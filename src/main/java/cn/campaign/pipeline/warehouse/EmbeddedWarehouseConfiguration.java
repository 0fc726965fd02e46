package cn.campaign.pipeline.warehouse;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import cn.campaign.pipeline.operation.PipelineSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without SPRING_DATASOURCE_URL the pipeline runs on its own embedded PostgreSQL; with it,
 * Spring Boot's ordinary DataSource takes over and nothing here is created.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedWarehouseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedWarehouse embeddedWarehouse(PipelineSettings settings) {
        return EmbeddedWarehouse.start(settings.embedded().dataDir());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedWarehouse warehouse,
                                PipelineSettings settings) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(warehouse.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        // every ingest thread holds a connection for its file, plus the job repository's
        dataSource.setMaximumPoolSize(Math.max(settings.readerThreads(), Runtime.getRuntime().availableProcessors()) + 6);
        dataSource.setPoolName("embedded-warehouse");
        // the server is local: if it does not answer within seconds it is down, say so
        dataSource.setConnectionTimeout(5_000);
        return dataSource;
    }
}

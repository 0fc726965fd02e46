package cn.campaign.pipeline.operation;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code campaign.*}: the campaign the pipeline serves.
 *
 * @param startDate the first day of the campaign (contract section 2; {@code CAMPAIGN_START_DATE})
 */
@ConfigurationProperties("campaign")
public record CampaignSettings(LocalDate startDate) {
}

package org.attache.stats;

import java.time.LocalDate;
import java.util.List;

import org.attache.topic.Topic;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("How often one topic was discussed, period by period.")
public record TopicTrend(
        @NonNull @Description("The topic discussed.") Topic topic,
        @Description("Visits that discussed the topic across all periods.") int visits,
        @NonNull @Description("Every period of the range in order, including those without the topic.") List<@NonNull TopicPeriod> periods) {

    @Description("Visits that discussed a topic, at the visit level or in one of its agenda items, that started in the period.")
    public record TopicPeriod(
            @NonNull LocalDate start,
            @Description("Visits that discussed the topic and started in the period.") int visits) {
    }
}

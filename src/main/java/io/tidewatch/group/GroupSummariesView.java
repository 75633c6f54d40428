package io.tidewatch.group;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Gophish's {@code /api/groups/summary}: the number of groups and a summary of each (never null). */
@JsonPropertyOrder({ "total", "groups" })
public record GroupSummariesView(long total, List<GroupSummaryView> groups) {
}

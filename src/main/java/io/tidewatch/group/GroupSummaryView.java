package io.tidewatch.group;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Gophish's group summary: the group without its targets, with their number. */
@JsonPropertyOrder({ "id", "name", "modified_date", "num_targets" })
public record GroupSummaryView(long id, String name, String modifiedDate, long numTargets) {
}

package io.tidewatch.group;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Gophish's group object; {@code targets} is never null. */
@JsonPropertyOrder({ "id", "name", "modified_date", "targets" })
public record GroupView(long id, String name, String modifiedDate, List<TargetJson> targets) {
}

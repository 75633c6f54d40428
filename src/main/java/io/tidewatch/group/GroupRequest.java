package io.tidewatch.group;

import java.util.List;

/** A group as clients send it; {@code id} matters only on PUT, extra fields such as modified_date are ignored. */
public record GroupRequest(Long id, String name, List<TargetJson> targets) {
}

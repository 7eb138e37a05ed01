package com.lotastro.timeline;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing that happened, as read back from where it was recorded. {@code id} is the recorded row's id (or one derived
 * from it when a row tells two things, such as an email queued and later sent); with {@code at} it orders the timeline.
 */
public record TimelineEntry(Instant at, UUID id, String kind, String source, String actor, String summary, String linkType,
                            String linkId, String linkPath) {
}

package com.lotastro.timeline;

import com.lotastro.api.model.TimelineEntryDto;
import com.lotastro.api.model.TimelineLinkDto;
import com.lotastro.api.model.TimelinePageDto;
import com.lotastro.api.model.TimelineSourceDto;
import com.lotastro.shared.Timestamps;
import com.lotastro.shared.paging.Page;

final class TimelineMapper {
    private TimelineMapper() {
    }

    static TimelinePageDto toDto(Page<TimelineEntry> page) {
        return new TimelinePageDto().data(page.map(TimelineMapper::toDto).items()).nextCursor(page.nextCursor());
    }

    static TimelineEntryDto toDto(TimelineEntry entry) {
        return new TimelineEntryDto()
                .at(Timestamps.utc(entry.at()))
                .kind(entry.kind())
                .source(TimelineSourceDto.fromValue(entry.source()))
                .actor(entry.actor())
                .summary(entry.summary())
                .link(new TimelineLinkDto().type(entry.linkType()).id(entry.linkId()).path(entry.linkPath()));
    }
}

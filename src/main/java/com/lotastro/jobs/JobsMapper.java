package com.lotastro.jobs;

import com.lotastro.api.model.JobDto;
import com.lotastro.api.model.JobOutcomeDto;
import com.lotastro.api.model.JobRunDto;
import com.lotastro.shared.Timestamps;
import java.util.LinkedHashMap;

final class JobsMapper {
    private JobsMapper() {
    }

    static JobDto toDto(JobQueries.JobView view) {
        return new JobDto()
                .name(view.definition().name())
                .description(view.definition().description())
                .schedule(view.definition().schedule())
                .nextFireAt(Timestamps.utc(view.nextFireAt()))
                .lastRun(view.lastRun().map(JobsMapper::toDto).orElse(null));
    }

    static JobRunDto toDto(JobRun run) {
        return new JobRunDto()
                .id(run.id)
                .job(run.job)
                .instance(run.instance)
                .trigger(JobRunDto.TriggerEnum.fromValue(run.trigger))
                .startedAt(Timestamps.utc(run.createdAt))
                .finishedAt(Timestamps.utc(run.finishedAt))
                .outcome(JobOutcomeDto.fromValue(run.outcome))
                .counts(new LinkedHashMap<>(run.counts))
                .error(run.error);
    }
}

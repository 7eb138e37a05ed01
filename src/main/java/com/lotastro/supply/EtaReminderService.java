package com.lotastro.supply;

import com.lotastro.shared.jobs.JobSummary;
import com.lotastro.shared.security.CallerContext;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds supply requests whose ETA is near or past and queues the "ETA near" email once per request and ETA. */
@ApplicationScoped
public class EtaReminderService {

    @ConfigMapping(prefix = "lotastro.eta-reminders")
    public interface EtaReminderConfig {
        /** A request is reminded when its ETA is at most this many days ahead (or already past). */
        @WithDefault("3")
        int daysAhead();

        /** The time zone whose calendar decides what "today" is. */
        @WithDefault("UTC")
        ZoneId zone();
    }

    @Inject
    SupplyRequests requests;

    @Inject
    SupplyEmails emails;

    @Inject
    EtaReminderConfig config;

    @Inject
    CallerContext caller;

    @Transactional
    public JobSummary sendDueReminders() {
        LocalDate today = LocalDate.now(config.zone());
        List<SupplyRequest> due = requests.awaitedWithEtaBy(caller.organizationId(), today.plusDays(config.daysAhead()));
        long queued = due.stream().filter(emails::etaNear).count();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("due", (long) due.size());
        counts.put("emails_queued", queued);
        counts.put("already_reminded", due.size() - queued);
        return JobSummary.succeeded(counts);
    }
}

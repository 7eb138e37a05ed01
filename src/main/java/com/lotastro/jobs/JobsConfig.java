package com.lotastro.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Job schedules: Quartz cron expressions (seconds first). Each is documented in the README. */
@ConfigMapping(prefix = "lotastro.jobs")
public interface JobsConfig {
    Schedule etaReminders();

    Schedule emailDelivery();

    Schedule idempotencyKeyCleanup();

    Schedule holdExpiry();

    Schedule reconciler();

    Schedule invoiceOverdue();

    interface Schedule {
        /** When the job fires. */
        @WithDefault("0 0 6 * * ?")
        String cron();
    }
}

package com.lotastro.jobs;

import com.lotastro.shared.paging.Criteria;
import com.lotastro.shared.paging.Cursor;
import com.lotastro.shared.paging.Page;
import com.lotastro.shared.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JobRuns implements PanacheRepositoryBase<JobRun, UUID> {

    public Page<JobRun> search(UUID organizationId, String job, String outcome, PageRequest page) {
        return Criteria.forOrganization(organizationId)
                .eq("job", job)
                .eq("outcome", outcome)
                .pageNewestFirst(this, page, r -> new Cursor(r.createdAt, r.id));
    }

    public Optional<JobRun> last(UUID organizationId, String job) {
        return find("organizationId = ?1 and job = ?2 order by createdAt desc, id desc", organizationId, job).firstResultOptional();
    }
}

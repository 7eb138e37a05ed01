package com.lotastro.reservation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ReservationLines implements PanacheRepositoryBase<ReservationLine, UUID> {
}

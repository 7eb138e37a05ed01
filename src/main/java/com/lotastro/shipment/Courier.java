package com.lotastro.shipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** A carrier we hand shipments to, with its tracking URL template and the secret its tracking events are signed with. */
@Entity
@Table(name = "couriers")
public class Courier {
    public static final String TRACKING_NUMBER = "{tracking_number}";

    @Id
    public UUID id;
    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;
    @Column(name = "code", nullable = false)
    public String code;
    @Column(name = "name", nullable = false)
    public String name;
    @Column(name = "tracking_url_template")
    public String trackingUrlTemplate;
    @Column(name = "uses_tracking_numbers", nullable = false)
    public boolean usesTrackingNumbers;
    @Column(name = "sends_events", nullable = false)
    public boolean sendsEvents;
    @Column(name = "signing_secret", nullable = false)
    public String signingSecret;
    @Column(name = "active", nullable = false)
    public boolean active;
    @Version
    @Column(name = "version", nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The tracking URL of a parcel, or null when the courier has no template or the parcel no number. */
    public String trackingUrl(String trackingNumber) {
        if (trackingUrlTemplate == null || trackingNumber == null) {
            return null;
        }
        return trackingUrlTemplate.replace(TRACKING_NUMBER, URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8));
    }
}

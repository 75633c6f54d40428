package io.tidewatch.sendingprofile.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A custom header a sending profile adds to every message; key and value are templates. */
@Entity
@Table(name = "sending_profile_header")
public class ProfileHeader {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "profile_id", nullable = false)
    public long profileId;

    @Column(name = "header_key", nullable = false)
    public String key;

    @Column(name = "header_value", nullable = false)
    public String value;
}

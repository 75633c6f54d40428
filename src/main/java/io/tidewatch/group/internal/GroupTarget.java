package io.tidewatch.group.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One recipient in one group; {@code emailKey} is the lower-cased address that deduplicates and holds the seat. */
@Entity
@Table(name = "group_target")
public class GroupTarget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "group_id", nullable = false)
    public long groupId;

    @Column(nullable = false)
    public String email;

    @Column(name = "email_key", nullable = false)
    public String emailKey;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(name = "job_position", nullable = false)
    public String position;
}

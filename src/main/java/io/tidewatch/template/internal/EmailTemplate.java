package io.tidewatch.template.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An e-mail template in the tenant's schema; campaigns refer to it by id or name. */
@Entity
@Table(name = "email_template")
public class EmailTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "envelope_sender", nullable = false)
    public String envelopeSender;

    @Column(nullable = false, columnDefinition = "text")
    public String subject;

    @Column(name = "text_body", nullable = false, columnDefinition = "text")
    public String text;

    @Column(name = "html_body", nullable = false, columnDefinition = "text")
    public String html;

    @Column(name = "modified_date", nullable = false)
    public Instant modifiedDate;
}
